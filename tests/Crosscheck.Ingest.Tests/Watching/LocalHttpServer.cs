using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Crosscheck.Ingest.Tests.Watching;

/// <summary>
/// A real HTTP server on 127.0.0.1 (a free port) for the watch tests: it serves what each path is
/// set to, answers 304 when If-None-Match or If-Modified-Since match, and logs every request.
/// </summary>
internal sealed class LocalHttpServer : IDisposable
{
    public sealed record Request(string Path, string? IfNoneMatch, string? IfModifiedSince, string? UserAgent);

    /// <summary>What one path answers: a status, a body and its content type, validators, and a delay before answering.</summary>
    public sealed record Answer(string Body, string ContentType = "application/rss+xml", int Status = 200, string? ETag = null, string? LastModified = null, TimeSpan Delay = default);

    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, Answer> _answers = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Request> _requests = new();
    private readonly CancellationTokenSource _stop = new();

    public LocalHttpServer()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Base = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Base.ToString());
        _listener.Start();
        _ = Task.Run(Loop);
    }

    public Uri Base { get; }

    public IReadOnlyList<Request> Requests => [.. _requests];

    public Uri Url(string path) => new(Base, path);

    public void Serve(string path, Answer answer) => _answers[path] = answer;

    /// <summary>How many requests asked for <paramref name="path"/>.</summary>
    public int Count(string path) => _requests.Count(r => r.Path == path);

    private async Task Loop()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => Respond(context));
        }
    }

    private async Task Respond(HttpListenerContext context)
    {
        var request = context.Request;
        var path = request.Url!.AbsolutePath;
        _requests.Enqueue(new Request(path, request.Headers["If-None-Match"], request.Headers["If-Modified-Since"], request.UserAgent));
        var response = context.Response;
        try
        {
            if (!_answers.TryGetValue(path, out var answer))
            {
                response.StatusCode = 404;
                response.Close();
                return;
            }
            if (answer.Delay > TimeSpan.Zero) await Task.Delay(answer.Delay, _stop.Token);
            if (answer.ETag is not null) response.Headers["ETag"] = answer.ETag;
            if (answer.LastModified is not null) response.Headers["Last-Modified"] = answer.LastModified;
            var unchanged = (answer.ETag is not null && request.Headers["If-None-Match"] == answer.ETag)
                || (answer.LastModified is not null && request.Headers["If-Modified-Since"] == answer.LastModified);
            if (unchanged && answer.Status == 200)
            {
                response.StatusCode = 304;
                response.Close();
                return;
            }
            var body = Encoding.UTF8.GetBytes(answer.Body);
            response.StatusCode = answer.Status;
            response.ContentType = answer.ContentType;
            response.ContentLength64 = body.Length;
            await response.OutputStream.WriteAsync(body, _stop.Token);
            response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // The client gave up (a timeout under test) or the server is stopping.
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _stop.Dispose();
    }
}
