namespace Crosscheck.Training.Tests;

/// <summary>
/// A shared data root in a temporary folder, deleted when disposed: a test lays out under it the corpus files a reader
/// of <see cref="TrainingSources"/> looks for.
/// </summary>
internal sealed class TemporaryDataRoot : IDisposable
{
    private readonly DirectoryInfo _root;

    public TemporaryDataRoot(string prefix) => _root = Directory.CreateTempSubdirectory(prefix);

    /// <summary>The root's full path, as the readers take it.</summary>
    public string FullName => _root.FullName;

    /// <summary>The folder <c>ner/</c><paramref name="parts"/> under the root, created with its parents.</summary>
    public string NerFolder(params string[] parts) => Directory.CreateDirectory(Path.Combine([_root.FullName, "ner", .. parts])).FullName;

    public void Dispose() => _root.Delete(recursive: true);
}
