using System.Text.RegularExpressions;
using AngleSharp.Css.Dom;
using AngleSharp.Css.Parser;
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

    /// <summary>
    /// The elements each field reads, parsed once and matched by the selector engine itself, so that the one walk of
    /// <see cref="Fields"/> finds exactly the elements a query of each would.
    /// </summary>
    private static readonly ISelector HeadingSelector = new CssSelectorParser().ParseSelector("h1, h2, h3")!;
    private static readonly ISelector ButtonSelector = new CssSelectorParser().ParseSelector("button")!;
    private static readonly ISelector ButtonInputSelector = new CssSelectorParser().ParseSelector("input[type=submit], input[type=button]")!;
    private static readonly ISelector LinkSelector = new CssSelectorParser().ParseSelector("a")!;

    [GeneratedRegex(@"\w+")]
    private static partial Regex Word();

    [GeneratedRegex(@"\d")]
    private static partial Regex Digit();

    /// <summary>The hashed grams of <paramref name="document"/> at address <paramref name="url"/>, buckets in increasing order.</summary>
    public static PageWordVector Read(IDocument document, string? url)
    {
        var fields = new Fields(document);
        var grams = new SortedDictionary<int, double>();
        // Added in this order: a bucket two fields share keeps the later field's value.
        Add(grams, 'u', Words(UrlText(url), MaxFieldWords));
        Add(grams, 't', Words(document.Title ?? "", MaxFieldWords));
        Add(grams, 'h', fields.Headings);
        Add(grams, 'b', fields.Buttons);
        Add(grams, 'a', fields.Links);
        Add(grams, 'x', fields.Opening);
        return new PageWordVector([.. grams.Keys], [.. grams.Values]);
    }

    private static string UrlText(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsolutePath + " " + uri.Query : "";

    /// <summary>Lower-cased words, every digit read as 0 (a year or a price is a number, not a word), at most <paramref name="limit"/>.</summary>
    private static List<string> Words(string text, int limit)
    {
        var words = new List<string>();
        AddWords(words, text, limit);
        return words;
    }

    /// <summary>The words of <paramref name="text"/> added to <paramref name="words"/> while it holds fewer than <paramref name="limit"/>.</summary>
    private static void AddWords(List<string> words, string text, int limit)
    {
        for (var match = Word().Match(text); match.Success && words.Count < limit; match = match.NextMatch())
            words.Add(Digit().Replace(match.Value.ToLowerInvariant(), "0"));
    }

    /// <summary>
    /// The words of the headings, the buttons, the links and the opening lines, read in one walk of the document in
    /// document order. Each field reads its first <see cref="MaxElements"/> elements, one after another (no word runs from
    /// one element into the next), and an element's text only while the field still wants words; the buttons' words come
    /// before the submit and button inputs' values. The opening lines are the first words of the body's text outside
    /// navigation, links and buttons, read from at most ten times <see cref="MaxElements"/> nodes of the body.
    /// </summary>
    private sealed class Fields
    {
        public List<string> Headings { get; } = [];
        public List<string> Buttons { get; } = [];
        public List<string> Links { get; } = [];
        public List<string> Opening { get; } = [];

        private int _headingElements, _buttonElements, _linkElements, _bodyNodes;
        private bool _openingDone;

        public Fields(IDocument document)
        {
            var scope = document.DocumentElement;
            var body = document.Body;
            var inputValues = new List<string>();
            // Each node with where it stands for the opening lines: outside the body, in it, or in it under navigation,
            // a link, a button, code or styling (explicit stack: a hostile page may nest deeper than the call stack goes).
            var stack = new Stack<(INode Node, Place Place)>();
            PushChildren(stack, document, Place.OutsideBody);
            while (stack.Count > 0)
            {
                var (node, place) = stack.Pop();
                if (place != Place.OutsideBody) ReadOpening(node, place);
                if (node is IElement element)
                {
                    // A field whose words are full reads no more text (an element's text is built from all its descendants).
                    if (Headings.Count < HeadingWords && HeadingSelector.Match(element, scope) && _headingElements++ < MaxElements)
                        AddWords(Headings, element.TextContent, HeadingWords);
                    if (Buttons.Count < MaxFieldWords && ButtonSelector.Match(element, scope) && _buttonElements++ < MaxElements)
                        AddWords(Buttons, element.TextContent, MaxFieldWords);
                    if (inputValues.Count < MaxElements && ButtonInputSelector.Match(element, scope)) inputValues.Add(element.GetAttribute("value") ?? "");
                    if (Links.Count < LinkWords && LinkSelector.Match(element, scope) && _linkElements++ < MaxElements)
                        AddWords(Links, element.TextContent, LinkWords);
                    PushChildren(stack, element, element == body ? Place.InBody
                        : place == Place.OutsideBody ? Place.OutsideBody
                        : place == Place.NotOpening || NotOpening.Contains(element.LocalName) ? Place.NotOpening : Place.InBody);
                }
                else PushChildren(stack, node, place);
            }
            foreach (var value in inputValues)
            {
                if (Buttons.Count >= MaxFieldWords) break;
                AddWords(Buttons, value, MaxFieldWords);
            }
        }

        /// <summary>A node of the body (in document order) read for the opening lines until they are full or the bound is reached.</summary>
        private void ReadOpening(INode node, Place place)
        {
            if (_openingDone) return;
            if (Opening.Count >= OpeningWords || ++_bodyNodes > MaxElements * 10)
            {
                _openingDone = true;
                return;
            }
            if (place == Place.InBody && node is IText text && !string.IsNullOrWhiteSpace(text.Data)) AddWords(Opening, text.Data, OpeningWords);
        }

        private static void PushChildren(Stack<(INode, Place)> stack, INode parent, Place place)
        {
            var children = parent.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--) stack.Push((children[i], place));
        }
    }

    /// <summary>Where a node stands for the opening lines (<see cref="Fields.Opening"/>).</summary>
    private enum Place { OutsideBody, InBody, NotOpening }

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
