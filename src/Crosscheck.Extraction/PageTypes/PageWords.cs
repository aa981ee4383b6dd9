using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Crosscheck.Core.Text;

namespace Crosscheck.Extraction.PageTypes;

/// <summary>
/// A page's own words, hashed: the words and word pairs of its address path and query, its title, its headings
/// (h1-h3), its buttons, its link texts and its first lines of text outside the navigation, each field's set of
/// grams weighted to unit length. What a page calls its parts ("add to cart", "reply", "apply now", "tuition",
/// "posted by", "docs", "api") says its kind where the structural features (<see cref="PageSignals"/>) are silent;
/// <see cref="PageTypeModel.Words"/> reads them as the log-odds of article.
/// </summary>
internal static partial class PageWords
{
    /// <summary>Grams are hashed into this many buckets (a model file names it, so a mismatch is caught).</summary>
    public const int Buckets = 1 << 20;

    private const int HeadingWords = 200;
    private const int LinkWords = 300;
    private const int OpeningWords = 150;
    private const int MaxElements = 3000;

    /// <summary>
    /// The most words read from the address, the title or the buttons: far more than a real page has there, a bound for
    /// hostile input only (an unclosed title holds the rest of the page; a button may wrap any text), so that no field's
    /// grams grow with the size of the page.
    /// </summary>
    private const int MaxFieldWords = 1000;

    /// <summary>Where the opening lines are not read: navigation and page furniture, links and buttons (their own fields), code and styling.</summary>
    private static readonly HashSet<string> NotOpening =
        new(["NAV", "HEADER", "FOOTER", "ASIDE", "A", "BUTTON", "SCRIPT", "STYLE", "NOSCRIPT", "SVG", "TEMPLATE"], StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"\w+")]
    private static partial Regex Word();

    [GeneratedRegex(@"\d")]
    private static partial Regex Digit();

    /// <summary>The hashed grams of <paramref name="document"/> at address <paramref name="url"/>, buckets in increasing order.</summary>
    public static PageWordVector Read(IDocument document, string? url)
    {
        var grams = new SortedDictionary<int, double>();
        Add(grams, 'u', Words(UrlText(url), MaxFieldWords));
        Add(grams, 't', Words(document.Title ?? "", MaxFieldWords));
        Add(grams, 'h', Words(Texts(document, "h1, h2, h3"), HeadingWords));
        Add(grams, 'b', Words(Texts(document, "button").Concat(document.QuerySelectorAll("input[type=submit], input[type=button]")
            .Take(MaxElements).Select(input => input.GetAttribute("value") ?? "")), MaxFieldWords));
        Add(grams, 'a', Words(Texts(document, "a"), LinkWords));
        Add(grams, 'x', Opening(document.Body));
        return new PageWordVector([.. grams.Keys], [.. grams.Values]);
    }

    private static string UrlText(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsolutePath + " " + uri.Query : "";

    /// <summary>The texts of the elements <paramref name="selector"/> finds, each read only when its words are still wanted.</summary>
    private static IEnumerable<string> Texts(IDocument document, string selector) =>
        document.QuerySelectorAll(selector).Take(MaxElements).Select(element => element.TextContent);

    /// <summary>Lower-cased words, every digit read as 0 (a year or a price is a number, not a word), at most <paramref name="limit"/>.</summary>
    private static List<string> Words(string text, int limit) => Words([text], limit);

    /// <summary>The words of <paramref name="texts"/> in turn (no word runs from one text into the next), at most <paramref name="limit"/>.</summary>
    private static List<string> Words(IEnumerable<string> texts, int limit)
    {
        var words = new List<string>();
        foreach (var text in texts)
        {
            if (words.Count >= limit) break;
            for (var match = Word().Match(text); match.Success && words.Count < limit; match = match.NextMatch())
                words.Add(Digit().Replace(match.Value.ToLowerInvariant(), "0"));
        }
        return words;
    }

    /// <summary>The first words of the body's text outside navigation, links and buttons.</summary>
    private static List<string> Opening(IElement? body)
    {
        var words = new List<string>();
        if (body is null) return words;
        var visited = 0;
        foreach (var node in body.Descendants())
        {
            if (words.Count >= OpeningWords || ++visited > MaxElements * 10) break;
            if (node is not IText text || string.IsNullOrWhiteSpace(text.Data) || UnderNotOpening(text, body)) continue;
            words.AddRange(Words(text.Data, OpeningWords - words.Count));
        }
        return words;
    }

    private static bool UnderNotOpening(INode node, IElement body)
    {
        for (var parent = node.ParentElement; parent is not null && parent != body; parent = parent.ParentElement)
            if (NotOpening.Contains(parent.LocalName)) return true;
        return false;
    }

    /// <summary>The field's words and word pairs, each once, weighted so that the field's grams have unit length.</summary>
    private static void Add(SortedDictionary<int, double> grams, char field, List<string> words)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            set.Add(field + ":" + words[i]);
            if (i + 1 < words.Count) set.Add(field + ":" + words[i] + "_" + words[i + 1]);
        }
        if (set.Count == 0) return;
        var value = 1 / Math.Sqrt(set.Count);
        foreach (var gram in set) grams[Bucket(gram)] = value;
    }

    /// <summary>The gram's bucket, the same in every process (the model file stores buckets).</summary>
    internal static int Bucket(string gram) => (int)(StableHash.Fnv1a32(gram) % Buckets);
}

/// <summary>A page's hashed grams (<see cref="PageWords"/>): bucket indices in increasing order and their values.</summary>
public sealed record PageWordVector(int[] Indices, double[] Values);
