namespace Crosscheck.Storage;

/// <summary>
/// One kind of store a <c>--db</c> value can name: <paramref name="Names"/> says whether a value is
/// meant for it, <paramref name="Open"/> opens it (throwing <see cref="StoreException"/> when it cannot).
/// </summary>
public sealed record StoreBackend(string Name, Func<string, bool> Names, Func<string, IStore> Open);

/// <summary>
/// Opens the store a <c>--db</c> value names, choosing among the backends it is given.
/// </summary>
/// <remarks>
/// The rule lives here beside <see cref="IStore"/>, but the list of backends is passed in by the
/// composition root (Crosscheck.Hosting's Engine): the backends reference this contract project, so
/// this project cannot reference them without a cycle, and a static registry filled at start-up would
/// open the wrong store whenever a caller forgot to register one.
/// </remarks>
public static class StoreLocation
{
    /// <summary>Opens <paramref name="location"/> with the first backend that names it; list the catch-all (a file path) last.</summary>
    /// <exception cref="StoreException">No backend names the value, or the store cannot be opened; the message is one line naming it and what to do.</exception>
    public static IStore Open(string location, IReadOnlyList<StoreBackend> backends)
    {
        ArgumentNullException.ThrowIfNull(backends);
        var backend = backends.FirstOrDefault(b => b.Names(location))
            ?? throw new StoreException($"'{location}' names no store this build can open ({string.Join(", ", backends.Select(b => b.Name))}).");
        return backend.Open(location);
    }
}
