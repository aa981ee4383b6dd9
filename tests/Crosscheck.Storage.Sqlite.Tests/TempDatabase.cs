namespace Crosscheck.Storage.Sqlite.Tests;

/// <summary>A folder of its own for one test's database files, deleted afterwards.</summary>
public sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("crosscheck-store-").FullName;
        Path = System.IO.Path.Combine(Directory, "test.db");
    }

    public string Directory { get; }

    public string Path { get; }

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { /* a leftover temp folder is harmless */ }
    }
}
