using System.Diagnostics;

namespace Crosscheck.Cli.Tests;

/// <summary>Runs the real `crosscheck` program (built next to the tests) as a separate process.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Out, string Err);

    public static Result Run(string workingDirectory, params string[] args)
    {
        using var process = Start(workingDirectory, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"crosscheck {string.Join(' ', args)} did not finish in 5 minutes");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Runs the program with <paramref name="input"/> piped to its standard input (closed after it, as a pipe ends).</summary>
    public static Result RunWithInput(string workingDirectory, byte[] input, params string[] args)
    {
        using var process = Start(workingDirectory, args, redirectInput: true);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.BaseStream.Write(input);
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"crosscheck {string.Join(' ', args)} did not finish in 5 minutes");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Starts the program without waiting for it; the caller must read its redirected output and stop it.</summary>
    public static Process Start(string workingDirectory, params string[] args) => Start(workingDirectory, args, redirectInput: false);

    private static Process Start(string workingDirectory, string[] args, bool redirectInput)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "crosscheck.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["DOTNET_NOLOGO"] = "1";
        return Process.Start(info)!;
    }

    /// <summary>A TCP port on 127.0.0.1 that was free a moment ago (for a server to listen on, or to find nobody there).</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A failed run as every command must fail: exit code 1 and one line "error: ...", no stack trace.</summary>
    public static void AssertOneErrorLine(Result result, string expected)
    {
        var lines = result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Xunit.Assert.True(result.ExitCode == 1, $"exit code {result.ExitCode}, stderr:\n{result.Err}");
        var line = Xunit.Assert.Single(lines);
        Xunit.Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Xunit.Assert.Contains(expected, line, StringComparison.Ordinal);
        Xunit.Assert.DoesNotContain("Exception", result.Err + result.Out, StringComparison.Ordinal);
        Xunit.Assert.DoesNotContain("   at ", result.Err + result.Out, StringComparison.Ordinal);
    }

    /// <summary>The sample articles copied next to the program at build time.</summary>
    public static string Samples => Path.Combine(AppContext.BaseDirectory, "samples");
}
