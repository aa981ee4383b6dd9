using BenchmarkDotNet.Running;

namespace Crosscheck.Benchmarks;

/// <summary>
/// `dotnet run -c Release --project bench/Crosscheck.Benchmarks -- --filter '*'` runs every
/// benchmark class; each class measures one concern against a baseline in the same run.
/// </summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
