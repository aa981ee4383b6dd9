using System.Data;
using Xunit;

namespace Crosscheck.Storage.Tests;

/// <summary>
/// Stored raw inputs are read back in pages bounded in bytes as well as in rows, so reprocess holds about a batch of
/// them at once however large each is; every input still comes back once, in order.
/// </summary>
public sealed class RawPageTests
{
    /// <summary>Rows as both backends select them: id, source, kind, content, received_at, hints, seq.</summary>
    private static DataTable Raw(IEnumerable<(long Seq, int Bytes)> rows)
    {
        var table = new DataTable();
        foreach (var (name, type) in new[]
        {
            ("id", typeof(string)), ("source", typeof(string)), ("kind", typeof(string)), ("content", typeof(byte[])),
            ("received_at", typeof(string)), ("hints", typeof(string)), ("seq", typeof(long)),
        })
        {
            table.Columns.Add(name, type);
        }
        foreach (var (seq, bytes) in rows)
            table.Rows.Add($"raw{seq}", $"page{seq}.html", "Html", new byte[bytes], "2024-05-01T00:00:00.0000000+00:00", "{}", seq);
        return table;
    }

    private static StoreCommon.RawPage Page(DataTable table, long after, long maxBytes)
    {
        var view = table.Select($"seq > {after}", "seq ASC").Take(StoreCommon.RawPageRows);
        var slice = table.Clone();
        foreach (var row in view) slice.ImportRow(row);
        using var reader = slice.CreateDataReader();
        return StoreCommon.ReadRawPage(reader, "test.db", maxBytes);
    }

    [Fact]
    public void A_page_ends_at_the_row_that_reaches_its_bytes_and_the_next_page_goes_on_from_there()
    {
        var table = Raw([(1, 400), (2, 700), (3, 100), (4, 900), (5, 50)]);

        var first = Page(table, after: 0, maxBytes: 1000);

        Assert.Equal(["raw1", "raw2"], first.Rows.Select(r => r.Raw.Id));
        Assert.False(first.Last);
        var pages = new List<int>();
        var all = StoreCommon.ReadRawInPages(after =>
        {
            var page = Page(table, after, maxBytes: 1000);
            pages.Add(page.Rows.Count);
            return page;
        }).Select(raw => raw.Id).ToList();
        Assert.Equal(["raw1", "raw2", "raw3", "raw4", "raw5"], all);
        Assert.Equal([2, 2, 1], pages);
    }

    [Fact]
    public void A_page_short_of_its_rows_and_bytes_is_the_last_and_a_full_one_is_not()
    {
        var few = Page(Raw([(1, 10), (2, 10)]), after: 0, maxBytes: StoreCommon.RawPageBytes);
        Assert.True(few.Last);

        var full = Page(Raw(Enumerable.Range(1, StoreCommon.RawPageRows + 1).Select(i => ((long)i, 10))), after: 0, maxBytes: StoreCommon.RawPageBytes);
        Assert.Equal(StoreCommon.RawPageRows, full.Rows.Count);
        Assert.False(full.Last);
    }
}
