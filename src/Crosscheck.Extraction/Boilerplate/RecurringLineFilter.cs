using Crosscheck.Core.Text;

namespace Crosscheck.Extraction.Boilerplate;

/// <summary>
/// Corpus-level boilerplate: a paragraph that recurs word for word across several unrelated
/// articles of the same outlet (a site blurb, a subscription pitch, a standard disclaimer) is
/// not part of any one of them. No published extractor uses this signal because they see one
/// page at a time.
/// <para>
/// Recurrence alone is not enough: an outlet's updates and rewrites of one story repeat the
/// same quote or background paragraph, and that is content. So the articles holding a paragraph
/// are grouped by what else they share, and the paragraph counts as boilerplate only when it
/// recurs in enough <em>groups</em>. Two articles belong together when their text outside the
/// recurring candidates overlaps (they tell the same story), or when their whole texts largely
/// overlap (copies). Candidates that turn out to be story content go back into the text they are
/// compared on, until the decision no longer changes.
/// </para>
/// </summary>
public sealed class RecurringLineFilter(RecurringLineOptions? options = null)
{
    public RecurringLineOptions Options { get; } = options ?? RecurringLineOptions.Default;

    /// <summary>The paragraphs (as they appear in the bodies) to drop from the bodies of one outlet.</summary>
    public IReadOnlySet<string> LinesToDrop(IReadOnlyList<string> bodies) => Decide(bodies).Drop;

    /// <summary>Decides over the bodies of one outlet which recurring paragraphs are boilerplate.</summary>
    public RecurringDecision Decide(IReadOnlyList<string> bodies)
    {
        ArgumentNullException.ThrowIfNull(bodies);
        var all = bodies.Select(Parse).ToList();
        // Large outlets are judged on an evenly spread sample: the grouping compares articles
        // pairwise, and a couple of hundred pages show an outlet's furniture as well as ten thousand.
        var step = Math.Max(1.0, (double)all.Count / Options.MaxSampleArticles);
        var articles = Enumerable.Range(0, Math.Min(all.Count, Options.MaxSampleArticles)).Select(i => all[(int)(i * step)]).ToList();
        var needed = Math.Max(Options.MinArticles, (int)Math.Ceiling(articles.Count * Options.MinShare));

        var holders = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var a = 0; a < articles.Count; a++)
        {
            foreach (var key in articles[a].Keys.Distinct(StringComparer.Ordinal))
            {
                if (key is null) continue;
                if (!holders.TryGetValue(key, out var list)) holders[key] = list = [];
                list.Add(a);
            }
        }
        var candidates = holders.Where(h => h.Value.Count >= needed).Select(h => h.Key).ToHashSet(StringComparer.Ordinal);
        var verdicts = new Dictionary<string, RecurringLine>(StringComparer.Ordinal);
        foreach (var article in articles) article.ComputeShingles(Options.ShingleWords);
        var whole = articles.Select(a => a.AllShingles()).ToArray();
        var copies = new Dictionary<(int, int), bool>();

        for (var round = 0; round < Options.MaxRounds && candidates.Count > 0; round++)
        {
            var residual = articles.Select(a => a.ShinglesOutside(candidates)).ToArray();
            var related = new Dictionary<(int, int), bool>();
            bool Related(int a, int b)
            {
                var pair = a < b ? (a, b) : (b, a);
                if (!copies.TryGetValue(pair, out var copy)) copies[pair] = copy = Containment(whole[a], whole[b]) >= Options.CopyShare;
                if (copy) return true;
                if (!related.TryGetValue(pair, out var same)) related[pair] = same = Containment(residual[a], residual[b]) >= Options.RelatedShare;
                return same;
            }

            var storyContent = new List<string>();
            foreach (var key in candidates)
            {
                var groups = CountGroups(holders[key].Where(a => residual[a].Length >= Options.MinInformativeShingles), Related, needed);
                verdicts[key] = new RecurringLine(articles[holders[key][0]].Original(key), holders[key].Count, groups, groups >= needed);
                if (groups < needed) storyContent.Add(key);
            }
            if (storyContent.Count == 0) break;
            candidates.ExceptWith(storyContent);
        }

        var drop = new HashSet<string>(StringComparer.Ordinal);
        foreach (var article in all)
        {
            for (var i = 0; i < article.Paragraphs.Length; i++)
                if (article.Keys[i] is { } key && candidates.Contains(key)) drop.Add(article.Paragraphs[i]);
        }
        return new RecurringDecision(drop, [.. verdicts.Values.OrderByDescending(v => v.Articles).ThenBy(v => v.Text, StringComparer.Ordinal)], needed);
    }

    /// <summary>The body without the given paragraphs, still separated by one blank line.</summary>
    public static string Remove(string body, IReadOnlySet<string> lines) =>
        string.Join("\n\n", Paragraphs(body).Where(p => !lines.Contains(p)));

    /// <summary>Paragraphs as the filter sees them: split at blank lines, trimmed.</summary>
    public static string[] Paragraphs(string body) =>
        body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// Leader grouping: each article joins the first group whose leader it is related to, else
    /// starts a group. Stops counting once <paramref name="enough"/> groups exist, which bounds the
    /// work on large outlets.
    /// </summary>
    private static int CountGroups(IEnumerable<int> members, Func<int, int, bool> related, int enough)
    {
        var leaders = new List<int>();
        foreach (var member in members)
        {
            if (leaders.Any(leader => related(leader, member))) continue;
            leaders.Add(member);
            if (leaders.Count >= enough) break;
        }
        return leaders.Count;
    }

    /// <summary>Share of the smaller set found in the larger (both sorted, distinct): 1 when one text contains the other.</summary>
    private static double Containment(ulong[] a, ulong[] b) =>
        a.Length == 0 || b.Length == 0 ? 0 : (double)ShingleSets.Overlap(a, b) / Math.Min(a.Length, b.Length);

    private ParsedArticle Parse(string body)
    {
        var paragraphs = Paragraphs(body ?? "");
        var folded = paragraphs.Select(TextFold.ForMatching).ToArray();
        // Long identical text is syndication or a shared story, never site chrome.
        var keys = folded.Select((f, i) => paragraphs[i].Length <= Options.MaxLineChars ? f : null).ToArray();
        return new ParsedArticle(paragraphs, folded, keys);
    }

    /// <summary>Hashes of every run of <paramref name="size"/> consecutive words (letters and digits only).</summary>
    private static HashSet<ulong> Shingles(string folded, int size)
    {
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string([.. w.Where(char.IsLetterOrDigit)]))
            .Where(w => w.Length > 0)
            .ToArray();
        var shingles = new HashSet<ulong>();
        for (var i = 0; i + size <= words.Length; i++)
        {
            var hash = 14695981039346656037UL; // FNV-1a: stable across runs, unlike string.GetHashCode
            for (var w = i; w < i + size; w++)
            {
                foreach (var c in words[w])
                {
                    hash ^= c;
                    hash *= 1099511628211UL;
                }
                hash ^= ' ';
                hash *= 1099511628211UL;
            }
            shingles.Add(hash);
        }
        return shingles;
    }

    private sealed record ParsedArticle(string[] Paragraphs, string[] Folded, string?[] Keys)
    {
        private HashSet<ulong>[] _shingles = [];

        /// <summary>Only sampled articles are compared, so only they pay for shingling.</summary>
        public void ComputeShingles(int size) => _shingles = [.. Folded.Select(f => Shingles(f, size))];

        public ulong[] AllShingles() => ShinglesOutside(null);

        public ulong[] ShinglesOutside(IReadOnlySet<string>? excluded)
        {
            var all = new HashSet<ulong>();
            for (var i = 0; i < Paragraphs.Length; i++)
                if (excluded is null || Keys[i] is not { } key || !excluded.Contains(key)) all.UnionWith(_shingles[i]);
            var sorted = all.ToArray();
            Array.Sort(sorted);
            return sorted;
        }

        public string Original(string key) => Paragraphs[Array.IndexOf(Keys, key)];
    }
}

/// <summary>What the filter decided for one outlet: the paragraphs to drop and, for every recurring paragraph, why.</summary>
/// <param name="Drop">Paragraphs (as written in the bodies) judged boilerplate.</param>
/// <param name="Recurring">Every paragraph that recurred often enough to be judged, boilerplate or not.</param>
/// <param name="Needed">Unrelated groups of articles a paragraph had to recur in.</param>
public sealed record RecurringDecision(IReadOnlySet<string> Drop, IReadOnlyList<RecurringLine> Recurring, int Needed);

/// <param name="Text">The paragraph as first seen.</param>
/// <param name="Articles">Articles holding it.</param>
/// <param name="Groups">Groups of mutually unrelated articles among them (counting stops at the threshold).</param>
/// <param name="Boilerplate">Whether it is dropped.</param>
public sealed record RecurringLine(string Text, int Articles, int Groups, bool Boilerplate);

/// <summary>Thresholds of <see cref="RecurringLineFilter"/>, with their defaults.</summary>
public sealed record RecurringLineOptions
{
    public static readonly RecurringLineOptions Default = new();

    /// <summary>Unrelated article groups a paragraph must recur in before it counts as boilerplate (default 3).</summary>
    public int MinArticles { get; init; } = 3;

    /// <summary>Share of the outlet's articles those groups must reach when the outlet is large (default 0.3).</summary>
    public double MinShare { get; init; } = 0.3;

    /// <summary>Paragraphs longer than this are never dropped: long identical text is syndication, not chrome (default 600 chars).</summary>
    public int MaxLineChars { get; init; } = 600;

    /// <summary>Words per shingle when texts are compared (default 3).</summary>
    public int ShingleWords { get; init; } = 3;

    /// <summary>
    /// Two articles tell the same story when this share of the smaller one's shingles outside the
    /// recurring candidates is found in the other (default 0.2; unrelated news articles share a few
    /// percent, through phrases like "said on Monday").
    /// </summary>
    public double RelatedShare { get; init; } = 0.2;

    /// <summary>Two articles are copies when this share of the smaller one's whole text is in the other (default 0.5).</summary>
    public double CopyShare { get; init; } = 0.5;

    /// <summary>
    /// An article with fewer shingles than this outside the candidates says too little to be
    /// judged related or not, so it does not count towards the groups (default 3: a five-word sentence).
    /// </summary>
    public int MinInformativeShingles { get; init; } = 3;

    /// <summary>An outlet with more articles is judged on an evenly spread sample of this many (default 200; bounds the pairwise grouping).</summary>
    public int MaxSampleArticles { get; init; } = 200;

    /// <summary>Rounds of returning story content to the compared text (default 5; decisions settle in one or two).</summary>
    public int MaxRounds { get; init; } = 5;
}
