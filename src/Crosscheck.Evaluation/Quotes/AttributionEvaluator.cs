using System.Text;
using System.Text.Json;
using Crosscheck.Annotation.Quotes;
using Crosscheck.Core.Model;

namespace Crosscheck.Evaluation.Quotes;

/// <summary>Content and content+source scores of one scope (all attributions, or direct quotes only).</summary>
public sealed record AttributionScores(MatchScore Content, MatchScore ContentSource);

/// <summary>What one run found and the gold it was scored against, with the scores over all attributions and over direct quotes.</summary>
public sealed record AttributionEvaluation(
    IReadOnlyList<AttributionEvaluator.Attribution> Found,
    IReadOnlyList<AttributionEvaluator.Attribution> Gold,
    AttributionScores All,
    AttributionScores Direct)
{
    public int GoldDirect => Gold.Count(a => a.Direct);
}

/// <summary>
/// Scores attribution finding on a PolNeAR-style directory (<c>text/NAME.txt</c>,
/// <c>attributions/NAME_ANNOTATOR.ann</c> in brat standoff). A found attribution matches a gold one
/// when their contents share at least half of the shorter one; for "content+source" their sources
/// must also overlap. Matching is one-to-one. Offsets are counted in Unicode code points (characters
/// of the UTF-8 file), end exclusive. "Direct" attributions are those whose content holds a quotation mark.
/// Text the annotator marked <c>Discard</c> (an editor's note, a copyright line: not part of the article, and left
/// without attributions) is not scored: an attribution whose content lies inside it counts neither as found nor as gold.
/// </summary>
public static class AttributionEvaluator
{
    /// <summary>
    /// A found or gold attribution: content and source as code-point ranges (gold ones may be discontinuous); a found one
    /// also carries its cue and the rules that made it (<see cref="Quote.Rule"/>), to explain it.
    /// </summary>
    public sealed record Attribution(string File, (int Start, int End)[] Content, (int Start, int End)[]? Source, bool Direct, string? Cue = null, string? Rule = null)
    {
        public int ContentLength => Content.Sum(r => r.End - r.Start);
    }

    /// <summary>
    /// Annotates every text of <paramref name="dir"/> (or only those of <paramref name="fold"/>) with <paramref name="annotate"/>
    /// and scores the found attributions. Throws <see cref="EvaluationDataException"/> when the directory is not usable.
    /// </summary>
    public static AttributionEvaluation Evaluate(string dir, Func<string, Document> annotate, Fold? fold = null)
    {
        ArgumentNullException.ThrowIfNull(annotate);
        var found = new List<Attribution>();
        var gold = new List<Attribution>();
        foreach (var article in Articles(dir, fold))
        {
            gold.AddRange(article.Gold);
            found.AddRange(article.Scored(FromDocument(article.Name, annotate(article.Text))));
        }
        return Scored(found, gold);
    }

    /// <summary>
    /// Annotates every text of <paramref name="dir"/> once and scores each of <paramref name="count"/> folds apart
    /// (<see cref="Fold"/>): the figures cross-validation compares, from one pass over the texts.
    /// </summary>
    public static IReadOnlyList<AttributionEvaluation> EvaluateFolds(string dir, Func<string, Document> annotate, int count)
    {
        ArgumentNullException.ThrowIfNull(annotate);
        var folds = Enumerable.Range(1, count).Select(k => (Fold: new Fold(k, count), Found: new List<Attribution>(), Gold: new List<Attribution>())).ToList();
        foreach (var article in Articles(dir, null))
        {
            var (_, found, gold) = folds[article.Index % count];
            gold.AddRange(article.Gold);
            found.AddRange(article.Scored(FromDocument(article.Name, annotate(article.Text))));
        }
        return [.. folds.Select(f => Scored(f.Found, f.Gold))];
    }

    private static AttributionEvaluation Scored(List<Attribution> found, List<Attribution> gold) =>
        new(found, gold, Evaluate(found, gold), Evaluate(found.Where(a => a.Direct).ToList(), gold.Where(a => a.Direct).ToList()));

    private sealed record Article(int Index, string Name, string Text, List<Attribution> Gold, List<(int Start, int End)> Discarded)
    {
        /// <summary>The attributions outside the text the annotator discarded.</summary>
        public IEnumerable<Attribution> Scored(IEnumerable<Attribution> attributions) => attributions.Where(a => !IsDiscarded(a, Discarded));
    }

    /// <summary>The texts of a PolNeAR-style directory in file-name order, with their gold attributions; only a fold's when one is given.</summary>
    private static IEnumerable<Article> Articles(string dir, Fold? fold)
    {
        var textDir = Path.Combine(dir, "text");
        var annDir = Path.Combine(dir, "attributions");
        if (!Directory.Exists(textDir) || !Directory.Exists(annDir))
            throw new EvaluationDataException($"{dir} is not a PolNeAR-style directory: it needs text/ and attributions/ folders.");
        var index = 0;
        foreach (var path in Directory.EnumerateFiles(textDir, "*.txt").Order(StringComparer.Ordinal))
        {
            var at = index++;
            if (fold is { } only && !only.Holds(at)) continue;
            var name = Path.GetFileName(path);
            var text = File.ReadAllText(path, Encoding.UTF8);
            var annotation = FirstAnnotation(annDir, Path.GetFileNameWithoutExtension(path));
            var discarded = annotation is null ? [] : ReadDiscarded(annotation);
            var gold = annotation is null ? [] : ReadGold(name, text, annotation);
            yield return new Article(at, name, text, [.. gold.Where(a => !IsDiscarded(a, discarded))], discarded);
        }
    }

    /// <summary>Writes the found attributions as one JSON line each: file, content range and source range in code points.</summary>
    public static void WriteFound(IEnumerable<Attribution> found, string path)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        foreach (var attribution in found) writer.WriteLine(ToJson(attribution));
    }

    /// <summary>
    /// The attributions a document's quote layer states, in code points; quotes of one speaker split by their cue
    /// ("“A,” he said. “B.”", or "B" opening the next paragraph) count as one. A clause with its own cue ("..., he said, adding that B") stays apart.
    /// A quoted passage with neither a speaker nor a cue (kept in the layer as an unattributed quote) states no attribution:
    /// on PolNeAR train about half of them match no gold attribution at all (block quotes, titles, slogans), and leaving
    /// them out kept direct-quote content F1 level on dev and train while content+source rose (docs/BENCHMARKS.md).
    /// </summary>
    public static IEnumerable<Attribution> FromDocument(string file, Document document)
    {
        var text = document.Text;
        var toCodePoints = CodePointMap(text);
        var quotes = document.Quotes.OrderBy(q => q.Span.Start).ToList();
        for (var i = 0; i < quotes.Count; i++)
        {
            var quote = quotes[i];
            if (quote.SpeakerSpan is null && quote.Cue is null) continue;
            var end = quote.Span.End;
            while (i + 1 < quotes.Count && quote.SpeakerSpan is { } speaker && quotes[i + 1].SpeakerSpan == speaker && quotes[i + 1].Cue == quote.Cue &&
                   OpensNextParagraphAtMost(text.AsSpan(end, Math.Max(0, quotes[i + 1].Span.Start - end))))
            {
                end = Math.Max(end, quotes[++i].Span.End);
            }
            var content = (toCodePoints(quote.Span.Start), toCodePoints(end));
            (int, int)[]? source = quote.SpeakerSpan is { } s ? [(toCodePoints(s.Start), toCodePoints(s.End))] : null;
            yield return new Attribution(file, [content], source, HasQuoteMark(text.AsSpan(quote.Span.Start, end - quote.Span.Start)), quote.Cue, quote.Rule);
        }
    }

    // Between two quotes of one attribution: the rest of the first one's paragraph, then at most a paragraph break.
    private static bool OpensNextParagraphAtMost(ReadOnlySpan<char> gap)
    {
        var lineBreak = gap.IndexOf('\n');
        return lineBreak < 0 || gap[lineBreak..].IsWhiteSpace();
    }

    public static AttributionScores Evaluate(IReadOnlyList<Attribution> found, IReadOnlyList<Attribution> gold) =>
        new(Match(found, gold, withSource: false), Match(found, gold, withSource: true));

    /// <summary>How many found attributions one rule (or one cue) made, and how many of them match a gold one with content and source.</summary>
    public sealed record RuleCount(string Name, int Found, int Matched)
    {
        public double Precision => Found == 0 ? 0 : (double)Matched / Found;
    }

    /// <summary>
    /// The found attributions grouped by <paramref name="key"/> (their rule, their cue), with how many of each matched gold
    /// (content and source, the same one-to-one matching as the scores), most found first: which rule makes the wrong ones.
    /// </summary>
    public static IReadOnlyList<RuleCount> GroupedBy(AttributionEvaluation evaluation, Func<Attribution, string> key)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(key);
        var matched = MatchedFound(evaluation.Found, evaluation.Gold, withSource: true);
        return [.. evaluation.Found
            .Select((attribution, index) => (Key: key(attribution), Matched: matched[index]))
            .GroupBy(x => x.Key, StringComparer.Ordinal)
            .Select(g => new RuleCount(g.Key, g.Count(), g.Count(x => x.Matched)))
            .OrderByDescending(c => c.Found)
            .ThenBy(c => c.Name, StringComparer.Ordinal)];
    }

    private static MatchScore Match(IReadOnlyList<Attribution> found, IReadOnlyList<Attribution> gold, bool withSource)
    {
        var usedFound = MatchedFound(found, gold, withSource);
        return new MatchScore(found.Count, gold.Count, usedFound.Count(used => used));
    }

    /// <summary>Which found attributions a one-to-one matching (largest content share first) pairs with a gold one.</summary>
    private static bool[] MatchedFound(IReadOnlyList<Attribution> found, IReadOnlyList<Attribution> gold, bool withSource)
    {
        var pairs = new List<(double Share, int Found, int Gold)>();
        var goldByFile = gold.Select((g, index) => (g, index)).ToLookup(x => x.g.File);
        for (var f = 0; f < found.Count; f++)
        {
            foreach (var (g, index) in goldByFile[found[f].File])
            {
                var share = ContentShare(found[f], g);
                if (share < 0.5) continue;
                if (withSource && !SourcesAgree(found[f].Source, g.Source)) continue;
                pairs.Add((share, f, index));
            }
        }
        pairs.Sort((a, b) => b.Share.CompareTo(a.Share));
        var usedFound = new bool[found.Count];
        var usedGold = new bool[gold.Count];
        foreach (var (_, f, g) in pairs)
        {
            if (usedFound[f] || usedGold[g]) continue;
            usedFound[f] = usedGold[g] = true;
        }
        return usedFound;
    }

    /// <summary>Characters the two contents share, over the length of the shorter one.</summary>
    private static double ContentShare(Attribution a, Attribution b)
    {
        var shared = 0;
        foreach (var x in a.Content)
        {
            foreach (var y in b.Content)
            {
                shared += Math.Max(0, Math.Min(x.End, y.End) - Math.Max(x.Start, y.Start));
            }
        }
        var shorter = Math.Min(a.ContentLength, b.ContentLength);
        return shorter == 0 ? 0 : (double)shared / shorter;
    }

    private static bool SourcesAgree((int Start, int End)[]? found, (int Start, int End)[]? gold)
    {
        if (found is null || gold is null) return found is null && gold is null;
        foreach (var x in found)
        {
            foreach (var y in gold)
            {
                if (x.Start < y.End && y.Start < x.End) return true;
            }
        }
        return false;
    }

    /// <summary>The first annotator's file for a text (several annotators may have annotated the same article).</summary>
    private static string? FirstAnnotation(string annDir, string baseName) =>
        Directory.EnumerateFiles(annDir, baseName + "_*.ann")
            .Where(path => Path.GetFileNameWithoutExtension(path).LastIndexOf('_') == baseName.Length)
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();

    /// <summary>The ranges an annotator marked <c>Discard</c> (T lines of that type), in code points.</summary>
    public static List<(int Start, int End)> ReadDiscarded(string annPath) => ReadTyped(annPath, "Discard");

    /// <summary>The ranges of an annotation file's T lines of one type ("Discard", "Cue"), in code points.</summary>
    private static List<(int Start, int End)> ReadTyped(string annPath, string type)
    {
        var ranges = new List<(int Start, int End)>();
        var prefix = type + " ";
        foreach (var line in File.ReadLines(annPath, Encoding.UTF8))
        {
            var fields = line.Split('\t');
            if (fields.Length < 2 || !fields[0].StartsWith('T') || !fields[1].StartsWith(prefix, StringComparison.Ordinal)) continue;
            ranges.AddRange(Ranges(fields[1][prefix.Length..]));
        }
        return ranges;
    }

    /// <summary>An article of a PolNeAR-style directory (its position in file-name order) with its annotated cues, in UTF-16 offsets of its text.</summary>
    public sealed record CueArticle(int Index, string Text, IReadOnlyList<(int Start, int End)> Cues);

    /// <summary>
    /// Every article of <paramref name="dir"/> in file-name order with the cue spans of its first annotator's attributions
    /// (to train a cue detector on some folds: <see cref="Fold"/> numbers the same positions). Throws <see cref="EvaluationDataException"/>
    /// when the directory is not usable.
    /// </summary>
    public static IEnumerable<CueArticle> CueArticles(string dir)
    {
        foreach (var article in Articles(dir, null))
        {
            var annotation = FirstAnnotation(Path.Combine(dir, "attributions"), Path.GetFileNameWithoutExtension(article.Name));
            var cues = annotation is null ? [] : ReadTyped(annotation, "Cue");
            var toUtf16 = Utf16Map(article.Text);
            yield return new CueArticle(article.Index, article.Text, [.. cues.Select(c => (toUtf16(c.Start), toUtf16(c.End)))]);
        }
    }

    /// <summary>The ranges of a brat span list ("0 5;9 14"), empty ones left out.</summary>
    private static List<(int Start, int End)> Ranges(string spans)
    {
        var ranges = new List<(int Start, int End)>();
        foreach (var part in spans.Split(';'))
        {
            var bounds = part.Trim().Split(' ');
            if (bounds.Length == 2 && int.TryParse(bounds[0], out var s) && int.TryParse(bounds[1], out var e) && e > s) ranges.Add((s, e));
        }
        return ranges;
    }

    /// <summary>Whether every range of an attribution's content lies inside a discarded range.</summary>
    private static bool IsDiscarded(Attribution attribution, List<(int Start, int End)> discarded) =>
        discarded.Count > 0 && attribution.Content.All(c => discarded.Any(d => d.Start <= c.Start && c.End <= d.End));

    /// <summary>Reads brat standoff: T lines hold typed (possibly discontinuous) spans, E lines tie Content, Cue and Source together.</summary>
    public static List<Attribution> ReadGold(string file, string text, string annPath)
    {
        var spans = new Dictionary<string, (int Start, int End)[]>(StringComparer.Ordinal);
        var events = new List<Dictionary<string, string>>();
        foreach (var line in File.ReadLines(annPath, Encoding.UTF8))
        {
            var fields = line.Split('\t');
            if (fields.Length < 2 || fields[0].Length < 2) continue;
            if (fields[0][0] == 'T' && int.TryParse(fields[0].AsSpan(1), out _))
            {
                var space = fields[1].IndexOf(' ');
                if (space < 0) continue;
                var ranges = Ranges(fields[1][(space + 1)..]);
                if (ranges.Count > 0) spans[fields[0]] = [.. ranges];
            }
            else if (fields[0][0] == 'E' && int.TryParse(fields[0].AsSpan(1), out _))
            {
                var roles = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var pair in fields[1].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var colon = pair.IndexOf(':');
                    if (colon > 0) roles[pair[..colon]] = pair[(colon + 1)..];
                }
                events.Add(roles);
            }
        }
        var codePoints = CodePointString(text);
        var gold = new List<Attribution>();
        foreach (var roles in events)
        {
            if (!roles.TryGetValue("Content", out var contentId) || !spans.TryGetValue(contentId, out var content)) continue;
            var source = roles.TryGetValue("Source", out var sourceId) && spans.TryGetValue(sourceId, out var s) ? s : null;
            var direct = content.Any(r => HasQuoteMark(Slice(codePoints, r)));
            gold.Add(new Attribution(file, content, source, direct));
        }
        return gold;
    }

    private static bool HasQuoteMark(ReadOnlySpan<char> content)
    {
        foreach (var c in content)
        {
            if (QuoteMarks.IsQuoteChar(c)) return true;
        }
        return false;
    }

    // Brat offsets count code points; .NET strings count UTF-16 units. These two bridge them.
    private static int[] CodePointString(string text) => text.EnumerateRunes().Select(r => r.Value).ToArray();

    private static ReadOnlySpan<char> Slice(int[] codePoints, (int Start, int End) range)
    {
        var start = Math.Clamp(range.Start, 0, codePoints.Length);
        var end = Math.Clamp(range.End, start, codePoints.Length);
        var builder = new StringBuilder(end - start);
        for (var i = start; i < end; i++) builder.Append(char.ConvertFromUtf32(codePoints[i]));
        return builder.ToString();
    }

    private static Func<int, int> CodePointMap(string text)
    {
        var hasSurrogates = false;
        foreach (var c in text)
        {
            if (char.IsSurrogate(c))
            {
                hasSurrogates = true;
                break;
            }
        }
        if (!hasSurrogates) return utf16 => utf16;
        var map = new int[text.Length + 1];
        var cp = 0;
        for (var i = 0; i < text.Length; i++)
        {
            map[i] = cp;
            if (!(char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))) cp++;
        }
        map[text.Length] = cp;
        return utf16 => map[Math.Clamp(utf16, 0, text.Length)];
    }

    /// <summary>Code-point offsets to UTF-16 ones (the inverse of <see cref="CodePointMap"/>).</summary>
    private static Func<int, int> Utf16Map(string text)
    {
        if (!text.Any(char.IsSurrogate)) return codePoint => codePoint;
        var map = new List<int>(text.Length + 1);
        for (var i = 0; i < text.Length; i++)
        {
            map.Add(i);
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
        }
        map.Add(text.Length);
        return codePoint => map[Math.Clamp(codePoint, 0, map.Count - 1)];
    }

    private static string ToJson(Attribution attribution)
    {
        var content = attribution.Content[0];
        var source = attribution.Source is { Length: > 0 } s ? new[] { s[0].Start, s[0].End } : null;
        return JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["file"] = attribution.File,
            ["content"] = new[] { content.Start, content.End },
            ["source"] = source,
            ["cue"] = attribution.Cue,
            ["rule"] = attribution.Rule,
        });
    }
}
