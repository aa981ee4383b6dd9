using System.Text;
using System.Text.RegularExpressions;
using Crosscheck.Core.Model;
using Crosscheck.Core.Text;
using Crosscheck.Extraction;
using Crosscheck.Ingest.Inputs;
using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Ingest.Tests.Inputs;

public sealed class WarcReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("crosscheck-warc-").FullName;

    static WarcReaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    internal const string BridgePage = """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Bridge closed after crack found | Valley Courier</title>
        <meta property="article:published_time" content="2023-03-13T17:05:00+01:00"></head>
        <body><nav><a href="/">Home</a> <a href="/local">Local</a></nav>
        <article><h1>Bridge closed after crack found</h1>
        <p>Engineers closed the old river bridge on Monday evening after a routine inspection found a crack in one of its steel girders.</p>
        <p>Traffic is being diverted through the town centre, and the county said repairs could take several weeks.</p>
        </article><footer>© Valley Courier</footer></body></html>
        """;

    internal const string MarketPage = """
        <!DOCTYPE html><html><head><title>Farmers' market moves indoors</title></head>
        <body><article><h1>Farmers' market moves indoors</h1>
        <p>The weekly farmers' market will move into the old café hall from next Saturday, the organisers announced.</p>
        <p>Stallholders welcomed the change after a winter of rain, wind and empty aisles.</p>
        </article></body></html>
        """;

    private static WarcBuilder Archive() => new WarcBuilder()
        .Info()
        .Request("https://valley-courier.example/local/bridge-closed")
        .Response("https://valley-courier.example/local/bridge-closed", BridgePage)
        .Record("metadata", "https://valley-courier.example/local/bridge-closed", "application/warc-fields", "via: https://valley-courier.example/\r\n"u8.ToArray())
        .Response("https://valley-courier.example/logo.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "image/png")
        .Response("https://valley-courier.example/old-page", "<html><body>Moved</body></html>"u8.ToArray(), "text/html", status: 301)
        // The charset is only in the HTTP header, as on many older sites.
        .Response("https://valley-courier.example/local/market-indoors", Encoding.GetEncoding(1252).GetBytes(MarketPage), "text/html; charset=windows-1252", date: "2023-03-15T07:00:00Z");

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static List<InputItem> Read(string path, InputLimits? limits = null) => [.. new InputReader(limits).Read([path], IngestHints.None)];

    [Fact]
    public void Html_responses_with_status_200_become_pages_with_uri_fetch_date_and_charset()
    {
        var path = Write("crawl.warc", Archive().Plain());

        var items = Read(path);

        var pages = items.OfType<RawItem>().Select(i => i.Raw).ToList();
        Assert.Equal(["https://valley-courier.example/local/bridge-closed", "https://valley-courier.example/local/market-indoors"], pages.Select(p => p.Hints.Url));
        Assert.All(pages, p => Assert.Equal(RawKind.Html, p.Kind));
        Assert.Equal(new DateTimeOffset(2023, 3, 15, 7, 0, 0, TimeSpan.Zero), pages[1].Hints.Fetched);
        Assert.Equal(["utf-8", "windows-1252"], pages.Select(p => p.Hints.Charset));
        // The payload is the page exactly as served, without the HTTP envelope.
        Assert.Equal(ContentHash.Of(Encoding.UTF8.GetBytes(BridgePage)), pages[0].Id);
        var offsets = Archive().Offsets;
        Assert.Equal([$"{path}#{offsets[2]}", $"{path}#{offsets[6]}"], pages.Select(p => p.Source));
        var skipped = Assert.Single(items.OfType<SkippedInput>());
        Assert.Contains("5 record(s)", skipped.Reason);
        Assert.Empty(items.OfType<BadInput>());
    }

    [Fact]
    public void Gzip_per_record_whole_file_gzip_and_plain_give_the_same_pages()
    {
        var builder = Archive();
        var plain = Read(Write("a.warc", builder.Plain())).OfType<RawItem>().Select(i => i.Raw.Id);
        var perRecord = Read(Write("b.warc.gz", builder.GzipPerRecord())).OfType<RawItem>().Select(i => i.Raw.Id);
        // Named without any hint of WARC: recognised by content.
        var whole = Read(Write("c.bin", builder.GzipWhole())).OfType<RawItem>().Select(i => i.Raw.Id);

        Assert.Equal(2, plain.Count());
        Assert.Equal(plain, perRecord);
        Assert.Equal(plain, whole);
    }

    [Fact]
    public void Pages_extract_with_the_http_charset_and_the_fetch_date_as_a_last_resort()
    {
        var path = Write("crawl.warc.gz", Archive().GzipPerRecord());
        var extractor = new ArticleExtractor();

        var articles = Read(path).OfType<RawItem>().Select(i => extractor.Extract(i.Raw)).ToList();

        Assert.Equal("Bridge closed after crack found", articles[0].Title);
        Assert.Equal(
            "Engineers closed the old river bridge on Monday evening after a routine inspection found a crack in one of its steel girders.\n\n" +
            "Traffic is being diverted through the town centre, and the county said repairs could take several weeks.",
            articles[0].Body);
        Assert.Equal("https://valley-courier.example/local/bridge-closed", articles[0].Url);
        // A date in the page outranks the fetch date.
        Assert.Equal(new DateTimeOffset(2023, 3, 13, 16, 5, 0, TimeSpan.Zero), articles[0].Published!.Value.ToUniversalTime());
        Assert.Equal("https://valley-courier.example/local/market-indoors", articles[1].Url);
        Assert.Contains("the old café hall", articles[1].Body);
        Assert.Equal(new DateTimeOffset(2023, 3, 15, 7, 0, 0, TimeSpan.Zero), articles[1].Published!.Value);
        Assert.Equal("fetched", articles[1].Published!.Source);
    }

    [Fact]
    public void Malformed_records_are_reported_with_file_and_offset_and_the_rest_kept()
    {
        var builder = new WarcBuilder()
            .Response("https://a.example/1", BridgePage)
            .Record("response", "https://a.example/2", "application/http; msgtype=response", "HTTP/1.1 200 OK\r\n\r\n<p>x</p>"u8.ToArray(), contentLength: "12x")
            .Response("https://a.example/3", MarketPage)
            .Raw("this is not a WARC record\r\nnor is this\r\n\r\n")
            .Record("response", "https://a.example/4", "application/http; msgtype=response", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>y</p>"u8.ToArray(), contentLength: "5")
            .Raw("WARC/1.0\r\nWARC-Type response\r\nContent-Length: 3\r\n\r\nabc\r\n\r\n")
            .Record("response", "https://a.example/5", "application/http; msgtype=response", "no status line here\r\n\r\n<p>z</p>"u8.ToArray())
            .Response("https://a.example/6", BridgePage.Replace("Monday", "Tuesday", StringComparison.Ordinal));
        var offsets = builder.Offsets;
        var path = Write("broken.warc", builder.Plain());

        var items = Read(path);

        Assert.Equal(["https://a.example/1", "https://a.example/3", "https://a.example/6"], items.OfType<RawItem>().Select(i => i.Raw.Hints.Url));
        var errors = items.OfType<BadInput>().ToList();
        Assert.Equal(5, errors.Count);
        Assert.Equal($"{path}#{offsets[1]}", errors[0].Source);
        Assert.Contains("Content-Length", errors[0].Problem);
        Assert.Equal($"{path}#{offsets[3]}", errors[1].Source);
        Assert.Contains("expected a WARC/1.0 or WARC/1.1 record", errors[1].Problem);
        Assert.Equal($"{path}#{offsets[4]}", errors[2].Source);
        Assert.Contains("Content-Length (5) is wrong", errors[2].Problem);
        Assert.Equal($"{path}#{offsets[5]}", errors[3].Source);
        Assert.Contains("not 'Name: value'", errors[3].Problem);
        Assert.Equal($"{path}#{offsets[6]}", errors[4].Source);
        Assert.Contains("not an HTTP response", errors[4].Problem);
    }

    [Fact]
    public void Oversized_and_truncated_records_are_reported_without_losing_earlier_pages()
    {
        var huge = Encoding.UTF8.GetBytes("<html><body><p>" + new string('a', 300_000) + "</p></body></html>");
        var builder = new WarcBuilder()
            .Response("https://b.example/big", huge)
            .Response("https://b.example/ok", MarketPage);
        var whole = builder.Plain();
        // Cut the archive in the middle of a last record.
        var truncated = whole.Concat(new WarcBuilder().Response("https://b.example/cut", BridgePage).Plain()[..400]).ToArray();
        var path = Write("cut.warc", truncated);

        var items = Read(path, new InputLimits { MaxRecordBytes = 100_000 });

        Assert.Equal(["https://b.example/ok"], items.OfType<RawItem>().Select(i => i.Raw.Hints.Url));
        var errors = items.OfType<BadInput>().ToList();
        Assert.Equal(2, errors.Count);
        Assert.Contains("over the", errors[0].Problem);
        Assert.EndsWith("#0", errors[0].Source);
        Assert.Contains("cut short", errors[1].Problem);
        Assert.EndsWith($"#{whole.Length}", errors[1].Source);
    }

    [Theory]
    [InlineData("response")]
    [InlineData("metadata")]
    public void A_content_length_past_the_end_of_a_plain_archive_loses_only_its_own_record(string type)
    {
        var first = new WarcBuilder().Response("https://e.example/1", BridgePage).Plain();
        var lying = new WarcBuilder().Response("https://e.example/lie", MarketPage).Plain();
        // The record claims a terabyte; only its own block and the next record follow it.
        lying = Encoding.Latin1.GetBytes(Regex.Replace(Encoding.Latin1.GetString(lying), "Content-Length: [0-9]+", "Content-Length: 1000000000000")
            .Replace("WARC-Type: response", $"WARC-Type: {type}", StringComparison.Ordinal));
        var last = new WarcBuilder().Response("https://e.example/2", MarketPage).Plain();
        var path = Write("lying.warc", [.. first, .. lying, .. last]);

        var items = Read(path);

        Assert.Equal(["https://e.example/1", "https://e.example/2"], items.OfType<RawItem>().Select(i => i.Raw.Hints.Url));
        var error = Assert.Single(items.OfType<BadInput>());
        Assert.Equal($"{path}#{first.Length}", error.Source);
        Assert.Contains("Content-Length (1,000,000,000,000) is wrong", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_of_blank_lines_between_records_is_skipped_without_a_line_read_each()
    {
        // Found by probing: 2 GB of newlines between two records (2 MB gzipped) took 75 s, a line
        // read and two allocations per byte; a run of garbage bytes as long took 4 s.
        const int blank = 64 * 1024 * 1024;
        var first = new WarcBuilder().Response("https://f.example/1", BridgePage).Plain();
        var last = new WarcBuilder().Response("https://f.example/2", MarketPage).Plain();
        var padding = new byte[blank];
        Array.Fill(padding, (byte)'\n');
        var path = Write("blank.warc.gz", WarcBuilder.Gzip([.. first, .. padding, .. last]));

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var items = Read(path);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Assert.Equal(["https://f.example/1", "https://f.example/2"], items.OfType<RawItem>().Select(i => i.Raw.Hints.Url));
        Assert.Empty(items.OfType<BadInput>());
        Assert.EndsWith($"#{first.Length + blank}", items.OfType<RawItem>().Last().Raw.Source, StringComparison.Ordinal);
        Assert.True(allocated < blank / 4, $"{allocated:N0} bytes allocated to read past {blank:N0} blank lines");
    }

    [Fact]
    public void Corrupt_gzip_keeps_the_records_before_it()
    {
        var first = WarcBuilder.Gzip(new WarcBuilder().Response("https://c.example/1", BridgePage).Plain());
        var second = WarcBuilder.Gzip(new WarcBuilder().Response("https://c.example/2", MarketPage).Plain());
        for (var i = 20; i < second.Length - 20; i++) second[i] ^= 0x5A;
        var path = Write("corrupt.warc.gz", [.. first, .. second]);

        var items = Read(path);

        Assert.Equal(["https://c.example/1"], items.OfType<RawItem>().Select(i => i.Raw.Hints.Url));
        // Garbage may decode before the checksum fails; whatever it yields is reported, and reading stops at the gzip error.
        Assert.Contains("gzip", items.OfType<BadInput>().Last().Problem);
    }

    [Fact]
    public void Chunked_and_compressed_bodies_are_decoded()
    {
        var body = Encoding.UTF8.GetBytes(BridgePage);
        var gzipped = WarcBuilder.Gzip(body);
        var chunked = new MemoryStream();
        foreach (var chunk in gzipped.Chunk(100))
        {
            chunked.Write(Encoding.ASCII.GetBytes($"{chunk.Length:x}\r\n"));
            chunked.Write(chunk);
            chunked.Write("\r\n"u8);
        }
        chunked.Write("0\r\n\r\n"u8);
        var path = Write("chunked.warc", new WarcBuilder()
            .Response("https://d.example/page", chunked.ToArray(), headers: "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n")
            .Plain());

        var page = Assert.Single(Read(path).OfType<RawItem>());

        Assert.Equal(body, page.Raw.Content);
    }

    [Fact]
    public void A_file_named_warc_that_is_not_one_is_an_error_and_a_warc_without_pages_too()
    {
        var fake = Write("fake.warc", Encoding.UTF8.GetBytes("<html><body>not an archive</body></html>"));
        var empty = Write("nopages.warc", new WarcBuilder().Info().Request("https://e.example/").Plain());

        Assert.Contains("is not a WARC archive", Assert.Single(Read(fake).OfType<BadInput>()).Problem);
        Assert.Contains("no HTML response records", Assert.Single(Read(empty).OfType<BadInput>()).Problem);
    }
    /// <summary>Gzips <paramref name="head"/> then <paramref name="run"/> bytes of <paramref name="fill"/> into a file, a megabyte at a time.</summary>
    private string WriteBomb(string name, byte[] head, long run, byte fill = 0, byte[]? tail = null)
    {
        var path = Path.Combine(_dir, name);
        using (var file = File.Create(path))
        using (var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Optimal))
        {
            gzip.Write(head);
            var chunk = new byte[1024 * 1024];
            Array.Fill(chunk, fill);
            for (long left = run; left > 0; left -= chunk.Length) gzip.Write(chunk, 0, (int)Math.Min(left, chunk.Length));
            if (tail is not null) gzip.Write(tail);
        }
        return path;
    }

    private const string TerabyteRecord =
        "WARC/1.1\r\nWARC-Type: resource\r\nWARC-Target-URI: https://b.example/film.mp4\r\nContent-Type: video/mp4\r\nContent-Length: 1099511627776\r\n\r\n";

    [Fact]
    public void A_gzip_bomb_is_stopped_and_the_records_before_it_are_kept()
    {
        // Found by hostile4: a WARC head, then zeros compressing a thousand times, was read to its end (2 GB from 2 MB
        // of gzip in 2.4 s, so a 1 GB file of that shape in about 20 minutes), skipped by a Content-Length of a terabyte.
        var page = new WarcBuilder().Response("https://b.example/1", BridgePage).Plain();
        var path = WriteBomb("bomb.warc.gz", [.. page, .. Encoding.ASCII.GetBytes(TerabyteRecord)], 512L * 1024 * 1024);

        var items = Read(path);

        Assert.Equal(["https://b.example/1"], items.OfType<RawItem>().Select(i => i.Raw.Hints.Url));
        var bomb = Assert.Single(items.OfType<BadInput>());
        Assert.Equal($"{path}#{page.Length}", bomb.Source);
        Assert.Contains("as a gzip bomb does", bomb.Problem, StringComparison.Ordinal);
        Assert.Contains("the records before it were kept", bomb.Problem, StringComparison.Ordinal);
        // Stopped just past the allowance (zeros unzip about a thousand times, past the ratio at once), not at the end of the 512 MB.
        var unzipped = Regex.Match(bomb.Problem, @"\(([0-9.]+) MB from").Groups[1].Value;
        Assert.InRange(double.Parse(unzipped, System.Globalization.CultureInfo.InvariantCulture), 256, 300);
    }

    [Fact]
    public void A_bomb_of_blank_lines_or_of_garbage_is_stopped_past_a_lower_allowance()
    {
        var limits = new InputLimits { MaxUnzippedSkipBytes = 1024 * 1024 };
        var page = new WarcBuilder().Response("https://b.example/1", BridgePage).Plain();
        var last = new WarcBuilder().Response("https://b.example/2", MarketPage).Plain();

        foreach (var fill in new[] { (byte)'\n', (byte)0 })
        {
            var path = WriteBomb($"run-{fill}.warc.gz", page, 32L * 1024 * 1024, fill, last);

            var items = Read(path, limits);

            Assert.Equal(["https://b.example/1"], items.OfType<RawItem>().Select(i => i.Raw.Hints.Url));
            var bomb = Assert.Single(items.OfType<BadInput>());
            // The run of blank lines starts with the page's own closing CRLF CRLF; the zeros start after it.
            Assert.Equal($"{path}#{(fill == 0 ? page.Length : page.Length - 4)}", bomb.Source);
            Assert.Contains("gzip bomb", bomb.Problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_large_record_that_does_not_compress_is_read_past_far_beyond_the_allowance()
    {
        // Video and images are compressed already: a 5 GB video record unzips to about its gzip size, so the ratio never
        // stops it however large it is. Here two records of 4 MB of random bytes (a video) against an allowance of 256 KB.
        var limits = new InputLimits { MaxUnzippedSkipBytes = 256 * 1024 };
        var video = new byte[4 * 1024 * 1024];
        new Random(7).NextBytes(video);
        var archive = new WarcBuilder()
            .Response("https://v.example/1", BridgePage)
            .Response("https://v.example/film.mp4", video, "video/mp4")
            .Record("resource", "https://v.example/film2.mp4", "video/mp4", video)
            .Response("https://v.example/2", MarketPage);
        var path = Write("video.warc.gz", archive.GzipPerRecord());

        var items = Read(path, limits);

        Assert.Equal(["https://v.example/1", "https://v.example/2"], items.OfType<RawItem>().Select(i => i.Raw.Hints.Url));
        Assert.Empty(items.OfType<BadInput>());
    }
}
