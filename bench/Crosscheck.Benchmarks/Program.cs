using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Crosscheck.Benchmarks;

/// <summary>
/// `dotnet run -c Release --project bench/Crosscheck.Benchmarks -- --filter '*'` runs every
/// benchmark class; each class measures one concern against a baseline in the same run.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        // In-process: BenchmarkDotNet's default generates and restores a separate project, which
        // fails offline under the repository's central package management and warnings-as-errors.
        var config = DefaultConfig.Instance.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).AsDefault());
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }
}
