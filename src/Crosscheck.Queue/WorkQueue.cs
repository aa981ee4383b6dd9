using System.Net.Sockets;
using Crosscheck.Core.Model;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using NATS.Net;

namespace Crosscheck.Queue;

/// <summary>
/// The JetStream work queue between <c>crosscheck ingest --queue</c> and the workers. A message is
/// the content hash of a raw input already in the store (the store is the one copy of the bytes, and
/// a message stays small whatever the page's size). The stream keeps messages on disk until a
/// worker acknowledges them (work-queue retention); one durable consumer hands each message to one
/// worker at a time and redelivers it when the worker does not acknowledge in time, so a worker that
/// dies loses nothing. Publishing uses the hash as message id, so JetStream drops repeats itself.
/// </summary>
public sealed class WorkQueue : IAsyncDisposable
{
    /// <summary>How long a worker has to acknowledge a message before it goes to another worker.</summary>
    public static readonly TimeSpan DefaultAckWait = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    private readonly NatsConnection _connection;
    private readonly INatsJSContext _jetStream;
    private INatsJSConsumer? _consumer;

    private WorkQueue(QueueTarget target, NatsConnection connection)
    {
        Target = target;
        _connection = connection;
        _jetStream = connection.CreateJetStreamContext();
    }

    public QueueTarget Target { get; }

    /// <summary>Whether the connection to NATS is up right now (it reconnects by itself after an outage).</summary>
    public bool IsConnected => _connection.ConnectionState == NatsConnectionState.Open;

    /// <summary>Connects and makes sure the stream exists.</summary>
    /// <exception cref="QueueException">The server cannot be reached, has no JetStream, or refuses the stream.</exception>
    public static async Task<WorkQueue> OpenAsync(QueueTarget target, string clientName, CancellationToken cancel = default)
    {
        var connection = new NatsConnection(new NatsOpts
        {
            Url = target.Url,
            Name = clientName,
            ConnectTimeout = ConnectTimeout,
            // After a first successful connection, ride out server restarts for as long as they take.
            MaxReconnectRetry = -1,
            ReconnectWaitMin = TimeSpan.FromMilliseconds(250),
            ReconnectWaitMax = TimeSpan.FromSeconds(2),
        });
        var queue = new WorkQueue(target, connection);
        try
        {
            await Guard("connecting", async () =>
            {
                await connection.ConnectAsync();
                await queue._jetStream.CreateOrUpdateStreamAsync(new StreamConfig(target.Stream, [target.Subject])
                {
                    Retention = StreamConfigRetention.Workqueue,
                    Storage = StreamConfigStorage.File,
                }, cancel);
                return true;
            }, target);
            return queue;
        }
        catch
        {
            await queue.DisposeAsync();
            throw;
        }
    }

    /// <summary>Queues one raw input (already in the store) for a worker; a repeat within JetStream's duplicate window is dropped.</summary>
    public Task PublishAsync(RawInput raw, CancellationToken cancel = default) => Guard("publishing " + raw.Source, async () =>
    {
        var ack = await _jetStream.PublishAsync(Target.Subject, raw.Id, opts: new NatsJSPubOpts { MsgId = raw.Id }, cancellationToken: cancel);
        ack.EnsureSuccess();
        return true;
    }, Target);

    /// <summary>The workers' durable consumer, created (or updated to <paramref name="ackWait"/>) on first use.</summary>
    public async Task<INatsJSConsumer> ConsumerAsync(TimeSpan ackWait, CancellationToken cancel = default) =>
        _consumer ??= await Guard("creating the workers' consumer", () => _jetStream.CreateOrUpdateConsumerAsync(Target.Stream, new ConsumerConfig(Target.Consumer)
        {
            AckPolicy = ConsumerConfigAckPolicy.Explicit,
            AckWait = ackWait,
            FilterSubject = Target.Subject,
            // Never give up on an article: a message is only removed once a worker has stored its result.
            MaxDeliver = -1,
        }, cancel).AsTask(), Target);

    /// <summary>Messages not yet delivered plus those delivered but not acknowledged.</summary>
    public async Task<(ulong Waiting, long Unacknowledged)> BacklogAsync(CancellationToken cancel = default)
    {
        try
        {
            var consumer = await _jetStream.GetConsumerAsync(Target.Stream, Target.Consumer, cancel);
            return (consumer.Info.NumPending, consumer.Info.NumAckPending);
        }
        catch (NatsJSApiException e) when (e.Error.Code == 404)
        {
            // No worker has started yet: everything in the stream is waiting.
            var stream = await _jetStream.GetStreamAsync(Target.Stream, cancellationToken: cancel);
            return ((ulong)stream.Info.State.Messages, 0);
        }
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

    private static async Task<T> Guard<T>(string action, Func<Task<T>> work, QueueTarget target)
    {
        try
        {
            return await work();
        }
        catch (Exception e) when (Describe(e, action, target) is { } message)
        {
            throw new QueueException(message, e);
        }
    }

    /// <summary>One line for a NATS failure, naming the server and the fix; null for errors that are not NATS's.</summary>
    internal static string? Describe(Exception e, string action, QueueTarget target)
    {
        switch (e)
        {
            case NatsNoRespondersException:
                return $"NATS at {target.Display} has no JetStream: start nats-server with -js (and -sd DIR to keep the queue on disk).";
            case NatsJSApiException api:
                return $"NATS at {target.Display}: {action} failed: {api.Error.Description} (JetStream error {api.Error.ErrCode}).";
            case NatsException nats:
                for (Exception? inner = nats; inner is not null; inner = inner.InnerException)
                {
                    if (inner is SocketException socket)
                        return $"Cannot reach NATS at {target.Display} ({socket.Message}). Is nats-server running there and listening?";
                }
                if (nats.Message.Contains("connect", StringComparison.OrdinalIgnoreCase))
                    return $"Cannot reach NATS at {target.Display} ({OneLine(nats.Message)}). Is nats-server running there and listening?";
                return $"NATS at {target.Display}: {action} failed: {OneLine(nats.Message)}.";
            case TimeoutException:
                return $"Timed out {action} at NATS {target.Display}. Is the server running and reachable?";
            default:
                return null;
        }
    }

    private static string OneLine(string text) => Crosscheck.Storage.StoreCommon.OneLine(text);
}
