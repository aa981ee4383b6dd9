using Crosscheck.Ingest.Processing;
using Crosscheck.Storage;

namespace Crosscheck.Web.Hosting;

/// <summary>
/// The server's writer: one store connection and one <see cref="IngestService"/> kept for the server's life and used
/// by one request at a time (behind <see cref="Api.IngestGate"/>). The service keeps the story state it has read (the
/// features and candidate stories of earlier placements) from one post to the next, so a post reads only what its own
/// articles need beyond that, and reads afresh when another process changed the state. A write that fails closes the
/// connection, so the next one starts from what is stored.
/// </summary>
public sealed class IngestWriter(WebOptions options, CrosscheckBackend backend) : IDisposable
{
    private IStore? _store;
    private IngestService? _ingest;

    public IStore Store => _store ??= backend.OpenStore(options.Database);

    public IngestService Ingest => _ingest ??= backend.Ingest(Store);

    /// <summary>Runs a write with the kept service; on failure the service and its connection are let go.</summary>
    public T Run<T>(Func<IngestService, T> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        try
        {
            return write(Ingest);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _ingest = null;
        _store?.Dispose();
        _store = null;
    }
}
