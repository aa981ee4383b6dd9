using System.Diagnostics;
using System.Runtime.Versioning;
using System.Text;
using Crosscheck.Core.Model;
using Crosscheck.Ingest.Inputs;
using Crosscheck.Ingest.Inputs.Feeds;
using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Ingest.Tests.Inputs;

/// <summary>
/// Inputs an attacker or a careless user gives: each is one problem naming it, never a
/// crash or a hang, and the inputs beside it are still read.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("crosscheck-hostile-").FullName;

    /// <summary>Directories a test locked, opened again so they can be deleted.</summary>
    private readonly List<string> _locked = [];

    public void Dispose()
    {
        if (!OperatingSystem.IsWindows())
            foreach (var locked in _locked) File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.Delete(_dir, recursive: true);
    }

    private const string Article = "Storm closes port\n\nThe port closed for two days after the storm, the harbour master said on Monday.";

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private static List<InputItem> Read(InputLimits? limits, params string[] paths) => [.. new InputReader(limits).Read(paths, IngestHints.None)];

    /// <summary>Reads on another thread, so an input that hangs the reader fails the test instead of stopping the run.</summary>
    private static List<InputItem> ReadWithin(TimeSpan budget, params string[] paths)
    {
        var reading = Task.Run(() => Read(null, paths));
        Assert.True(reading.Wait(budget), $"reading {string.Join(", ", paths)} took more than {budget.TotalSeconds:0} s");
        return reading.Result;
    }

    [Fact]
    public void A_jsonl_line_with_an_unpaired_surrogate_escape_is_an_article_and_the_lines_around_it_too()
    {
        var path = Write("lines.jsonl", """
            {"title": "First", "text": "A first article about the storm that closed the port."}
            {"title": "Cut \ud800", "text": "A second article whose text was cut \ud83d in the middle of an emoji by a crawler."}
            {"\udc00": 1, "text": "A third article with a broken field name before its text."}
            """);

        var items = Read(null, path);

        Assert.Empty(items.OfType<BadInput>());
        Assert.Equal([$"{path}#1", $"{path}#2", $"{path}#3"], items.OfType<RawItem>().Select(i => i.Source));
    }

    [Fact]
    public void A_posted_record_with_an_unpaired_surrogate_escape_is_accepted_not_a_crash()
    {
        var reader = new InputReader();
        var record = Encoding.UTF8.GetBytes("""{"title": "T \ud800", "text": "Text of a posted article \udfff with a broken escape."}""");

        Assert.IsType<RawItem>(Assert.Single(reader.ReadPosted("POST /api/articles", record, batch: false, IngestHints.None)));
        Assert.IsType<RawItem>(Assert.Single(reader.ReadPosted("POST /api/articles", record, batch: true, IngestHints.None)));
    }

    [Fact]
    public void A_json_feed_item_with_an_unpaired_surrogate_escape_is_read()
    {
        var path = Write("feed.json", """
            {"version": "https://jsonfeed.org/version/1.1", "title": "Harbour", "items": [
              {"id": "1", "url": "https://harbour.example/1", "title": "Ferry \ud800", "content_text": "The ferry runs four times a day \udc00 from Monday."},
              {"id": "2", "\ud800": "x", "url": "https://harbour.example/2", "content_text": "The lifeboat crew rescued two kayakers on Sunday."}
            ]}
            """);

        var items = Read(null, path);

        Assert.Empty(items.OfType<BadInput>());
        Assert.Equal(2, items.OfType<RawItem>().Count());
    }

    [Fact]
    public void A_feed_item_of_megabytes_of_tag_like_text_is_read_in_linear_time_and_the_next_item_too()
    {
        // "&lt;b" decodes to "<b": a tag start with no end, millions of times. The record limit is
        // raised so the item reaches the HTML check instead of being refused for its size. Two million
        // (10 MB escaped) is enough: a reader quadratic in the text would need hours, a linear one seconds
        // even on a loaded machine, where thirty megabytes came close to the bound.
        var tagLike = string.Concat(Enumerable.Repeat("&lt;b", 2_000_000));
        var path = Write("tags.rss", $"""
            <?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
            <item><title>Tags</title><description>{tagLike}</description></item>
            <item><title>Fine</title><description>A fine second item about the harbour and its ferry timetable.</description></item>
            </channel></rss>
            """);
        var limits = new InputLimits { MaxFileBytes = 256L * 1024 * 1024, MaxRecordBytes = 256 * 1024 * 1024 };

        var watch = Stopwatch.StartNew();
        var items = Read(limits, path);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
        Assert.Equal([$"{path}#1", $"{path}#2"], items.OfType<RawItem>().Select(i => i.Source));
        Assert.Contains("\"text\"", Encoding.UTF8.GetString(items.OfType<RawItem>().First().Raw.Content.AsSpan(0, 40)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_feed_item_over_the_record_limit_only_once_escaped_says_how_large_its_content_is()
    {
        // The hostile-input probe: a 15 MB item of "&lt;b" holds 6 MB of "<b", which JSON writes as "\u003Cb" (21 MB);
        // the line said "is 21 MB", a size the user's file has nowhere.
        var tagLike = string.Concat(Enumerable.Repeat("&lt;b", 3_000_000));
        var path = Write("tags.rss", $"""
            <?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
            <item><title>Tags</title><description>{tagLike}</description></item>
            </channel></rss>
            """);

        var error = Assert.Single(Read(null, path).OfType<BadInput>());

        Assert.Equal($"{path}#1", error.Source);
        Assert.Equal("feed item 'Tags' holds 5.7 MB of content, 20 MB as a record (JSON escapes its markup), over the 8 MB limit for one record; skipped", error.Problem);
    }

    [Theory]
    [InlineData("<p>Text</p>", true)]
    [InlineData("A <STRONG class=\"x\">bold</STRONG> claim", true)]
    [InlineData("line<br/>break", true)]
    [InlineData("<b <p>", true)]
    [InlineData("<h6>", true)]
    [InlineData("a < b and c > d", false)]
    [InlineData("<bold> is not a tag we know", false)]
    [InlineData("<b_x>", false)]
    [InlineData("<h7>", false)]
    [InlineData("<>", false)]
    [InlineData("<b", false)]
    public void Html_is_told_from_text_by_its_tags(string content, bool html) => Assert.Equal(html, FeedArticle.LooksLikeHtml(content));

    [Fact]
    public void Html_check_allows_at_most_five_hundred_characters_inside_a_tag()
    {
        Assert.True(FeedArticle.LooksLikeHtml("<a " + new string('x', 499) + ">"));
        Assert.False(FeedArticle.LooksLikeHtml("<a " + new string('x', 500) + ">"));
    }

    [Fact]
    public void Entity_declarations_after_a_long_comment_are_refused()
    {
        var comment = "<!--" + new string('x', 200_000) + "-->";
        var feed = Encoding.UTF8.GetBytes($"""
            <?xml version="1.0"?>{comment}
            <!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
            <rss version="2.0"><channel><title>x</title><item><title>&b;</title><description>&b;</description></item></channel></rss>
            """);

        var items = new FeedInput().ReadXml("late.rss", feed, IngestHints.None).ToList();

        Assert.Contains("declares XML entities", Assert.Single(items.OfType<BadInput>()).Problem, StringComparison.Ordinal);
        Assert.Empty(items.OfType<RawItem>());
    }

    [Theory]
    [InlineData("feed.xml")]
    [InlineData("feed.php")]
    public void A_feed_opening_with_a_comment_longer_than_the_sniffed_head_is_read_as_a_feed(string name)
    {
        // The hostile-input probe as a command: the file was refused as "not an RSS or Atom feed"
        // because the root element lay past the 64 KB the reader looks at to tell what a file holds.
        var comment = "<!--" + new string('x', 200_000) + "-->";
        var path = Write(name, $"""
            <?xml version="1.0"?>{comment}
            <rss version="2.0"><channel><title>Port news</title><item><title>Storm closes port</title><link>https://port.example/storm</link>
            <description>The port closed for two days after the storm, the harbour master said on Monday.</description></item></channel></rss>
            """);

        var items = Read(null, path);

        Assert.Empty(items.OfType<BadInput>());
        Assert.Equal(path + "#1", Assert.Single(items.OfType<RawItem>()).Raw.Source);
    }

    [Fact]
    public void Entity_declarations_after_a_long_comment_in_a_file_are_reported_as_entities()
    {
        var comment = "<!--" + new string('x', 200_000) + "-->";
        var path = Write("late.xml", $"""
            <?xml version="1.0"?>{comment}
            <!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">]>
            <rss version="2.0"><channel><title>x</title><item><title>&a;</title><description>&a;</description></item></channel></rss>
            """);

        var items = Read(null, path);

        Assert.Contains("declares XML entities", Assert.Single(items.OfType<BadInput>()).Problem, StringComparison.Ordinal);
        Assert.Empty(items.OfType<RawItem>());
    }

    [Fact]
    public void A_page_opening_with_a_long_comment_is_still_a_page()
    {
        var comment = "<!--" + new string('x', 200_000) + "-->";
        var path = Write("page.html", $"{comment}\n<html><body><p>{Article}</p></body></html>");

        var items = Read(null, path);

        Assert.Equal(RawKind.Html, Assert.Single(items.OfType<RawItem>()).Raw.Kind);
    }

    [Theory]
    [InlineData("t")]
    [InlineData("a stray \u0007 the feed parser removes")]
    public void A_feed_nested_two_hundred_thousand_deep_is_refused_at_once_not_parsed_for_minutes(string title)
    {
        // Found by the randomized readers: the feed parser's XML tree costs time with the square of
        // the depth, and it repairs stray control characters, so a strict XML reader stopping there cannot bound it.
        var deep = string.Concat(Enumerable.Repeat("<channel>\n", 200_000));
        var feed = Encoding.UTF8.GetBytes($"""<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>{deep}<item><title>x</title><description>d</description></item></channel></rss>""");

        var watch = Stopwatch.StartNew();
        var items = new FeedInput().ReadXml("deep.rss", feed, IngestHints.None).ToList();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
        Assert.Equal("deep.rss: feed nests elements deeper than 16,384 levels; refused (real feeds nest a few)", Assert.Single(items).ToString());
    }

    [Fact]
    public void A_plain_doctype_without_entities_is_still_read()
    {
        var feed = Encoding.UTF8.GetBytes("""
            <?xml version="1.0"?>
            <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
            <rss version="0.91"><channel><title>x</title><link>https://x.example/</link><description>d</description>
            <item><title>One</title><link>https://x.example/1</link><description>The harbour reopened on Tuesday after the storm.</description></item></channel></rss>
            """);

        Assert.IsType<RawItem>(Assert.Single(new FeedInput().ReadXml("old.rss", feed, IngestHints.None)));
    }

    [Fact]
    public void Symbolic_links_back_up_the_tree_are_not_followed_and_the_walk_ends()
    {
        var inside = Write("a/story.txt", Article);
        File.CreateSymbolicLink(Path.Combine(_dir, "a", "up1"), "..");
        File.CreateSymbolicLink(Path.Combine(_dir, "a", "up2"), "../..");
        var linkedFile = Path.Combine(_dir, "a", "linked.txt");
        File.CreateSymbolicLink(linkedFile, "story.txt");

        var items = ReadWithin(TimeSpan.FromSeconds(30), _dir);

        Assert.Equal([linkedFile, inside], items.OfType<RawItem>().Select(i => i.Source));
        Assert.Equal(2, items.OfType<SkippedInput>().Count(s => s.Reason.Contains("symbolic link to a directory", StringComparison.Ordinal)));
        Assert.Empty(items.OfType<BadInput>());
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void A_named_pipe_is_reported_not_opened_and_the_files_beside_it_are_read()
    {
        var good = Write("good.txt", Article);
        var pipe = Path.Combine(_dir, "pipe.txt");
        using (var mkfifo = Process.Start("mkfifo", [pipe])) mkfifo.WaitForExit();

        var walked = ReadWithin(TimeSpan.FromSeconds(30), _dir);
        var named = ReadWithin(TimeSpan.FromSeconds(30), pipe, good);

        Assert.Equal(good, Assert.Single(walked.OfType<RawItem>()).Source);
        Assert.Contains("named pipe", Assert.Single(walked.OfType<SkippedInput>(), s => s.Source == pipe).Reason, StringComparison.Ordinal);
        Assert.Equal(good, Assert.Single(named.OfType<RawItem>()).Source);
        Assert.Equal($"{pipe}: is a named pipe, not a regular file; skipped", Assert.Single(named.OfType<BadInput>()).ToString());
    }

    [Fact]
    public void An_empty_directory_or_one_with_nothing_to_ingest_is_a_problem()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_dir, "empty")).FullName;
        var notes = Path.GetDirectoryName(Write("notes/readme.md", "# Notes"))!;

        Assert.Contains("no inputs found", Assert.Single(Read(null, empty).OfType<BadInput>()).Problem, StringComparison.Ordinal);
        Assert.Contains("no inputs found", Assert.Single(Read(null, notes).OfType<BadInput>()).Problem, StringComparison.Ordinal);
    }

    [UnixFact(PermissionsMustApply = true)]
    [UnsupportedOSPlatform("windows")]
    public void An_unreadable_directory_is_a_problem_and_the_readable_ones_are_still_walked()
    {
        var good = Write("open/story.txt", Article);
        var locked = Path.GetDirectoryName(Write("open/locked/hidden.txt", Article))!;
        var named = Path.GetDirectoryName(Write("closed/inner.txt", Article))!;
        _locked.AddRange([locked, named]);
        File.SetUnixFileMode(locked, UnixFileMode.None);
        File.SetUnixFileMode(named, UnixFileMode.None);

        var items = Read(null, Path.Combine(_dir, "open"), named);

        Assert.Equal(good, Assert.Single(items.OfType<RawItem>()).Source);
        Assert.Equal([locked, named], items.OfType<BadInput>().Select(b => b.Source));
        Assert.All(items.OfType<BadInput>(), b => Assert.Contains("cannot be read", b.Problem, StringComparison.Ordinal));
    }

    [Fact]
    public void The_walk_order_is_the_order_of_full_paths()
    {
        string[] names = ["a.txt", "a/b.txt", "a b/c.txt", "ab.txt", "a-z/d.txt", "b/e.txt"];
        foreach (var name in names) Write(name, Article + name);

        var walked = Read(null, _dir).OfType<RawItem>().Select(i => i.Source).ToList();

        Assert.Equal(names.Select(n => Path.Combine(_dir, n)).Order(StringComparer.Ordinal), walked);
    }
}
