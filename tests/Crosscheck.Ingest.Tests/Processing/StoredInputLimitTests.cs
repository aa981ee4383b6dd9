using System.Text;
using Crosscheck.Core.Model;
using Crosscheck.Core.Text;
using Crosscheck.Ingest.Inputs;
using Crosscheck.Storage.Sqlite;
using Xunit;

namespace Crosscheck.Ingest.Tests.Processing;

/// <summary>
/// Raw inputs read back from the store (by reprocess, or by an ingest resuming what a killed run left) meet the
/// size limit a new input meets: one larger (stored under higher limits, or written some other way) is named in
/// a one-line error and left in the store, and the others are processed.
/// </summary>
public sealed class StoredInputLimitTests : IDisposable
{
    /// <summary>The file limit of these tests: the small inputs are well under it, the stored page well over.</summary>
    private static readonly InputLimits Limits = new() { MaxFileBytes = 16 * 1024 };

    private readonly string _dir = Directory.CreateTempSubdirectory("crosscheck-stored-limit-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A text input of about 40 KB stored directly, as a store written under a larger limit holds it.</summary>
    private static RawInput OversizeRaw()
    {
        var paragraph = "The harbour master said on Monday that the port would stay closed after the storm. ";
        var content = Encoding.UTF8.GetBytes("Port closed after storm\n\n" + string.Concat(Enumerable.Repeat(paragraph, 480)));
        Assert.True(content.Length > Limits.MaxFileBytes);
        return new RawInput { Id = ContentHash.Of(content), Source = "archive/huge-page.txt", Kind = RawKind.Text, Content = content };
    }

    private string SmallInputs()
    {
        var dir = Directory.CreateDirectory(Path.Combine(_dir, "inputs")).FullName;
        File.WriteAllText(Path.Combine(dir, "ferry.txt"), "Ferry timetable cut\n\nThe lake ferry will run four crossings a day instead of nine from November, the operator said.");
        File.WriteAllText(Path.Combine(dir, "library.txt"), "Library opens on Sundays\n\nThe town library will open on Sunday afternoons from next month, the librarian said.");
        return dir;
    }

    [Fact]
    public void Reprocess_names_a_stored_input_over_the_limit_rebuilds_the_others_and_keeps_it()
    {
        using var store = SqliteStore.Open(Path.Combine(_dir, "news.db"));
        var service = TestIngest.WithLimits(store, Limits);
        Assert.Empty(service.Ingest([SmallInputs()], IngestHints.None).Errors);
        var huge = OversizeRaw();
        Assert.True(store.AddRaw(huge));

        var report = service.Reprocess();

        var error = Assert.Single(report.Errors);
        Assert.Equal("archive/huge-page.txt", error.Source);
        Assert.StartsWith("stored input is", error.Problem, StringComparison.Ordinal);
        Assert.Contains("limit for one input file", error.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Problem);
        Assert.Equal(2, report.Added);
        Assert.Equal(2, store.CountArticles());
        Assert.Null(store.GetDocument(huge.Id));
        Assert.Equal(3, store.CountRaw());
        Assert.Equal(huge.Content, store.GetRaw(huge.Id)!.Content);
    }

    [Fact]
    public void An_ingest_resuming_stored_inputs_names_one_over_the_limit_and_processes_the_new_ones()
    {
        using var store = SqliteStore.Open(Path.Combine(_dir, "news.db"));
        var huge = OversizeRaw();
        Assert.True(store.AddRaw(huge));

        var report = TestIngest.WithLimits(store, Limits).Ingest([SmallInputs()], IngestHints.None);

        var error = Assert.Single(report.Errors);
        Assert.Equal("archive/huge-page.txt", error.Source);
        Assert.StartsWith("stored input is", error.Problem, StringComparison.Ordinal);
        Assert.Equal(2, report.Added);
        Assert.Null(store.GetDocument(huge.Id));
        Assert.Equal(huge.Content, store.GetRaw(huge.Id)!.Content);
    }
}
