using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Crosscheck.Queue.Tests.Support;
using Xunit;

namespace Crosscheck.Cli.Tests.Queue;

/// <summary>Bad connection strings and unreachable servers: one error line, exit code 1, no stack trace.</summary>
public sealed class CliErrorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("crosscheck-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string SqliteFile => Path.Combine(_folder, "news.db");

    [Theory]
    [InlineData("http://queue.internal:4222", "Invalid NATS URL 'http://queue.internal:4222' (the scheme 'http' is not nats://)")]
    [InlineData("nats://", "Invalid NATS URL 'nats://'")]
    [InlineData("nats://queue.internal:70000", "Invalid NATS URL 'nats://queue.internal:70000'")]
    [InlineData("queue.internal", "Invalid NATS URL 'queue.internal' (it is not a URL)")]
    public void Worker_with_a_bad_NATS_URL(string url, string expected) =>
        CliRunner.AssertOneErrorLine(CliRunner.Run(_folder, "worker", "--queue", url, "--db", SqliteFile), expected);

    [Fact]
    public void Worker_with_an_unreachable_NATS_server() =>
        CliRunner.AssertOneErrorLine(CliRunner.Run(_folder, "worker", "--queue", $"nats://127.0.0.1:{CliRunner.FreePort()}", "--db", SqliteFile), "Cannot reach NATS at nats://127.0.0.1:");

    [Fact]
    public void Ingest_with_an_unreachable_NATS_server_reports_it_before_reading_anything()
    {
        var input = Path.Combine(_folder, "a.txt");
        File.WriteAllText(input, "Harbour cranes stood idle on Monday as dock workers walked out over pay.");
        CliRunner.AssertOneErrorLine(CliRunner.Run(_folder, "ingest", input, "--db", SqliteFile, "--queue", $"nats://127.0.0.1:{CliRunner.FreePort()}"), "Cannot reach NATS at nats://127.0.0.1:");
    }

    [Fact]
    public void Worker_with_an_unreachable_PostgreSQL_server() =>
        CliRunner.AssertOneErrorLine(
            CliRunner.Run(_folder, "worker", "--queue", $"nats://127.0.0.1:{CliRunner.FreePort()}", "--db", $"postgres://crosscheck@127.0.0.1:{CliRunner.FreePort()}/news"),
            "Cannot reach PostgreSQL at 127.0.0.1:");

    [Theory]
    [InlineData("postgres://", "Invalid PostgreSQL connection string")]
    [InlineData("postgres://crosscheck@db.internal/news?sslmode=sometimes", "Invalid PostgreSQL connection string (sslmode 'sometimes'")]
    [InlineData("Host=;Database=news", "Invalid PostgreSQL connection string (no host is given)")]
    public void Worker_with_a_bad_PostgreSQL_connection_string(string db, string expected) =>
        CliRunner.AssertOneErrorLine(CliRunner.Run(_folder, "worker", "--queue", "nats://127.0.0.1:4222", "--db", db), expected);

    [Fact]
    public void Worker_without_a_queue() =>
        CliRunner.AssertOneErrorLine(CliRunner.Run(_folder, "worker", "--db", SqliteFile), "worker needs --queue nats://host:port");

    [Fact]
    public void Worker_with_a_bad_stream_name() =>
        CliRunner.AssertOneErrorLine(CliRunner.Run(_folder, "worker", "--queue", "nats://127.0.0.1:4222", "--stream", "news.eu", "--db", SqliteFile), "Invalid queue stream name 'news.eu'");

    [NatsServerInstalledFact]
    public void Worker_against_a_NATS_server_without_JetStream()
    {
        var port = CliRunner.FreePort();
        using var server = Process.Start(new ProcessStartInfo("nats-server", ["-a", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        try
        {
            WaitForPort(port);
            CliRunner.AssertOneErrorLine(CliRunner.Run(_folder, "worker", "--queue", $"nats://127.0.0.1:{port}", "--db", SqliteFile), "has no JetStream: start nats-server with -js");
        }
        finally
        {
            server.Kill();
            server.WaitForExit();
        }
    }

    private static void WaitForPort(int port)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }
        Assert.Fail($"nats-server did not start on port {port}");
    }
}
