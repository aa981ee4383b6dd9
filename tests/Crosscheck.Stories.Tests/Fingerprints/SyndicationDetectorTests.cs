using Crosscheck.Evaluation.Clustering;
using Crosscheck.Stories.Fingerprints;
using Crosscheck.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Crosscheck.Stories.Tests.Fingerprints;

public sealed class SyndicationDetectorTests(ITestOutputHelper output)
{
    private const string Boilerplate =
        "Share this article on social media. Subscribe to our newsletter for the latest headlines delivered to your inbox every morning.\n" +
        "Copyright all rights reserved. This material may not be published, broadcast, rewritten or redistributed without permission.";

    private const string Report =
        "Firefighters battled a blaze that tore through a timber warehouse on the edge of the port district late on Tuesday, " +
        "sending thick smoke over the harbour and forcing the closure of two ferry routes.\n\n" +
        "The regional fire service said forty crews were sent to the site and that no injuries had been reported, " +
        "although a night watchman was treated for smoke inhalation as a precaution.\n\n" +
        "Investigators expect to begin examining the cause of the fire once the structure has cooled, a spokesman said, " +
        "adding that the owners had been cooperating fully with the authorities.";

    [Fact]
    public void Exact_copy_is_linked_to_the_original_with_full_share()
    {
        var detector = new SyndicationDetector();
        Assert.Null(detector.Add("original", Report));
        var match = detector.Add("copy", Report);
        Assert.NotNull(match);
        Assert.Equal("original", match.Value.OriginalId);
        Assert.Equal(1.0, match.Value.Share, 3);
        Assert.Equal(("original", 1.0), detector.CopyOf("copy"));
        Assert.Null(detector.CopyOf("original"));
    }

    [Fact]
    public void Texts_fingerprinted_ahead_are_linked_as_texts_added_directly()
    {
        string[] texts = [Report, Report + "\n\n" + Boilerplate, "Harbour blaze.\n\n" + Report, Boilerplate, "Too short to compare."];
        var direct = new SyndicationDetector();
        var directLinks = texts.Select((text, i) => direct.Add("t" + i, text)).ToList();
        var ahead = new SyndicationDetector();
        var fingerprints = texts.AsParallel().AsOrdered().Select(ahead.Fingerprint).ToList();
        var aheadLinks = fingerprints.Select((fingerprint, i) => ahead.Add("t" + i, fingerprint)).ToList();
        Assert.Equal(directLinks, aheadLinks);
        Assert.Contains(aheadLinks, link => link is not null);
    }

    [Fact]
    public void A_fingerprint_taken_under_other_options_is_refused()
    {
        var other = new SyndicationDetector(SyndicationOptions.Default with { ShingleWords = SyndicationOptions.Default.ShingleWords + 1 });
        var detector = new SyndicationDetector();
        var fingerprint = other.Fingerprint(Report);
        Assert.False(detector.Takes(fingerprint));
        Assert.True(detector.Takes(new SyndicationDetector().Fingerprint(Report)));
        Assert.Throws<ArgumentException>(() => detector.Add("a", fingerprint));
    }

    [Fact]
    public void Copy_of_a_copy_links_to_the_earliest_version()
    {
        var detector = new SyndicationDetector();
        detector.Add("first", Report);
        detector.Add("second", Report + "\n\n" + Boilerplate);
        var third = detector.Add("third", "Harbour blaze.\n\n" + Report + "\n\n" + Boilerplate);
        Assert.Equal("first", third?.OriginalId);
    }

    [Fact]
    public void Trimmed_excerpt_counts_as_partial_copy_with_its_share()
    {
        var detector = new SyndicationDetector();
        detector.Add("original", Report);
        var excerpt = Report[..Report.IndexOf("\n\nInvestigators", StringComparison.Ordinal)];
        var match = detector.Add("excerpt", excerpt);
        Assert.Equal("original", match?.OriginalId);
        Assert.True(match!.Value.Share > 0.95, $"share {match.Value.Share}");
        Assert.True(match.Value.Jaccard < 0.8, "an excerpt shares less than the whole");
    }

    [Fact]
    public void Different_report_of_the_same_kind_is_not_a_copy()
    {
        var detector = new SyndicationDetector();
        detector.Add("a", Report);
        var other =
            "A fire destroyed a furniture depot near the railway station on Sunday morning, and the blaze sent smoke across the valley.\n\n" +
            "Twelve crews fought the flames for six hours; police closed the main road while the roof collapsed.\n\n" +
            "The owner told reporters the depot had passed a safety inspection in March and that the cause was not yet known.";
        Assert.Null(detector.Add("b", other));
    }

    [Fact]
    public void Adding_the_same_id_again_is_a_no_op()
    {
        var detector = new SyndicationDetector();
        detector.Add("a", Report);
        var first = detector.Add("b", Report);
        var again = detector.Add("b", "completely different text now, which must be ignored for a known id");
        Assert.Equal(first, again);
    }

    [Fact]
    public void Odd_input_never_throws()
    {
        var detector = new SyndicationDetector();
        Assert.Null(detector.Add("empty", ""));
        Assert.Null(detector.Add("symbols", new string('!', 10_000)));
        Assert.Null(detector.Add("one-word", "word"));
        Assert.Null(detector.Add("surrogates", "\uD83D\uDE00 \uD800 x \uDC00 y"));
    }

    /// <summary>
    /// The syndication detector's bar on real texts: distinct ECB+ articles (no pair sharing much text) and
    /// copies made by light edits. Every copy with exact Jaccard ≥ 0.6 must be found, and no distinct
    /// pair may be called a copy.
    /// </summary>
    [SharedDataFact("data/clustering-ecbplus-dev/documents.jsonl")]
    public void Real_texts_with_lightly_edited_copies()
    {
        var path = Path.Combine(Docs.SharedDirectory()!, "data", "clustering-ecbplus-dev", "documents.jsonl");
        var options = SyndicationOptions.Default;
        var texts = ClusteringEvaluator.Read(path).Select(l => l.Input).Where(i => i.Text.Split('\n').Length >= 4).ToList();

        // Keep only texts that share little with each other, so "distinct" really means distinct.
        var distinct = new List<(string Id, string Text, ulong[] Shingles)>();
        foreach (var input in texts)
        {
            var shingles = MinHash.Shingles(input.Text, options.ShingleWords, options.MaxShingles);
            if (shingles.Length < 40) continue;
            if (distinct.Any(d => Containment(shingles, d.Shingles) > 0.2)) continue;
            distinct.Add((input.Id, input.Text, shingles));
            if (distinct.Count == 200) break;
        }
        Assert.True(distinct.Count >= 100, $"only {distinct.Count} distinct texts");

        var random = new Random(6);
        var copies = new List<(string Id, string Original, string Text)>();
        foreach (var (id, text, _) in distinct)
        {
            var edit = random.Next(5);
            copies.Add(($"{id}~copy{edit}", id, Edit(text, edit, random)));
        }

        var detector = new SyndicationDetector(options);
        foreach (var (id, text, _) in distinct) Assert.Null(detector.Add(id, text));
        int expected = 0, found = 0;
        foreach (var (id, original, text) in copies)
        {
            var match = detector.Add(id, text);
            var shingles = MinHash.Shingles(text, options.ShingleWords, options.MaxShingles);
            var jaccard = Jaccard(shingles, distinct.First(d => d.Id == original).Shingles);
            if (match is { } m) Assert.Equal(original, m.OriginalId);
            if (jaccard < 0.6) continue;
            expected++;
            Assert.True(match is not null, $"copy {id} (Jaccard {jaccard:F2}) not found");
            found++;
        }
        output.WriteLine($"{distinct.Count} distinct texts, {copies.Count} copies, {expected} with Jaccard >= 0.6, {found} found");
        Assert.True(expected >= copies.Count / 2, "the edits should leave most copies above Jaccard 0.6");
    }

    private static string Edit(string text, int kind, Random random)
    {
        var lines = text.Split('\n').Where(l => l.Trim().Length > 0).ToList();
        switch (kind)
        {
            case 0: // re-titled
                lines[0] = "Update: what we know so far";
                break;
            case 1: // trimmed: last paragraph dropped
                lines.RemoveAt(lines.Count - 1);
                break;
            case 2: // paragraphs reordered
                lines = lines.OrderBy(_ => random.Next()).ToList();
                break;
            case 3: // boilerplate added
                lines.Add(Boilerplate);
                lines.Insert(0, "Advertisement");
                break;
            default: // all of it, lightly
                lines[0] = "Breaking";
                (lines[1], lines[^1]) = (lines[^1], lines[1]);
                lines.Add("Follow us for more updates.");
                break;
        }
        return string.Join("\n\n", lines);
    }

    private static double Jaccard(ulong[] a, ulong[] b)
    {
        var overlap = MinHash.Overlap(a, b);
        return (double)overlap / (a.Length + b.Length - overlap);
    }

    private static double Containment(ulong[] a, ulong[] b) => (double)MinHash.Overlap(a, b) / Math.Min(a.Length, b.Length);
}
