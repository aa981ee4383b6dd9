using System.Collections.Frozen;
using System.Globalization;
using Crosscheck.Core.Model;
using Crosscheck.Core.Text;

namespace Crosscheck.Stories.Clustering;

/// <summary>
/// What the clusterer compares: weighted terms (body and title), entity name words and event
/// specifics (numbers, years, dates, quantities). Built from the document's layers when present
/// (mentions, quantities, time expressions) and from the raw text otherwise, so clustering works
/// on a bare document and improves as annotation improves.
/// </summary>
public sealed class DocumentFeatures
{
    /// <summary>Words that carry no topic, in the languages of the news the clusterer sees (the shared WordLists/function-words.txt).</summary>
    private static readonly FrozenSet<string> FunctionWords =
        Lexicon.Set(Lexicon.Shared, "WordLists/function-words.txt", LexiconCase.Exact);

    public Dictionary<string, double> Terms { get; } = new(StringComparer.Ordinal);

    /// <summary>The article's identified language (ISO 639-1), or null.</summary>
    public string? Language { get; private set; }

    public Dictionary<string, double> Entities { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, double> Specifics { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// For each entity feature, the kinds of name the entity tagger's model took it for in this document (a
    /// <see cref="NameTypes"/> mask); absent when only the capitalised-name fallback (no kind) or no tagger found it.
    /// </summary>
    public Dictionary<string, NameTypes> EntityTypes { get; } = new(StringComparer.Ordinal);

    public static DocumentFeatures Extract(Document document, ClusteringOptions options)
    {
        var features = new DocumentFeatures();
        var text = document.Text ?? "";
        var words = Words.Scan(text, options.MaxWordsPerDocument);

        var language = document.Article.Language;
        features.Language = language;
        var analysed = language is not null && options.AnalysedLanguages.Contains(language) ? language : null;
        // Chinese has its own weight: its glossary (CC-CEDICT) was measured apart from the FreeDict ones.
        var glossWeight = analysed == "zh" ? options.ChineseGlossWeight : options.GlossWeight;
        var glossary = analysed is not null && glossWeight > 0 ? Glossary.For(analysed) : null;
        if (document.Article.Title is { Length: > 0 } title)
        {
            foreach (var (word, isStem) in TitleWords(title, analysed))
            {
                if (isStem) features.AddStem(analysed!, word, options.TitleBoost, glossary, glossWeight);
                else features.AddTerm(word, options.TitleBoost);
            }
        }

        var weights = new PositionWeights(text, words, options);
        var terms = LanguageTerms.Analyze(analysed, text, options.MaxWordsPerDocument);
        if (terms is not null)
        {
            foreach (var (stem, start) in terms) features.AddStem(analysed!, stem, weights.At(start), glossary, glossWeight);
        }
        else
        {
            // The folded words, short and function words too, are also the terms a country's name is matched on (below).
            terms = language is not null && options.CountryKeys ? [] : null;
            foreach (var w in words)
            {
                if (w.IsNumber) continue;
                var folded = Words.Fold(text.AsSpan(w.Start, w.Length));
                terms?.Add((folded, w.Start));
                if (w.Length >= 2) features.AddFoldedTerm(folded, weights.At(w.Start));
            }
        }

        if (document.Has(Layer.Mentions)) features.AddMentions(document, options, weights);
        else features.AddCapitalisedWords(text, words, weights);
        // A country's key joins names the document has; alone (no tagger for the language, as Arabic has none) it would make
        // two articles' names agree completely on one shared country.
        if (language is not null && options.CountryKeys && terms is not null && features.Entities.Count >= MinNamesForCountryKeys)
        {
            foreach (var (key, start) in CountryNames.Find(language, analysed is not null, terms, text))
            {
                features.AddEntity(CountryKeyPrefix + key, options.PlaceBoost * weights.At(start), NameTypes.None);
            }
        }

        if (language is not null && HanNameKeys.AreMade(options)) features.AddHanNameKeys(language, text, weights);

        features.AddNumbers(text, words, document.Has(Layer.Quantities) ? document.Quantities : [], weights, Words.UsesDecimalComma(language));
        if (document.Has(Layer.TimeExpressions)) features.AddTimeExpressions(document.TimeExpressions);

        Sublinear(features.Terms);
        Sublinear(features.Entities);
        Sublinear(features.Specifics);
        return features;
    }

    /// <summary>
    /// The term features (<see cref="FeatureSpace.KeyOf"/>, term channel) a title gives, as <see cref="Extract"/> takes them from an
    /// article's title (an analysed language's stems, else its folded words; no numbers, function words or glosses): the short
    /// side's own headline words (<see cref="ClusteringOptions.ShortSideTitleTermDocuments"/>). A function of the text, so a title
    /// read back from the store gives the same.
    /// </summary>
    internal static long[] TitleTermIds(string title, string? language, ClusteringOptions options)
    {
        var analysed = language is not null && options.AnalysedLanguages.Contains(language) ? language : null;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (word, _) in TitleWords(title, analysed))
        {
            if (TermOf(word) is { } term) keys.Add(term);
        }
        return [.. keys.Order(StringComparer.Ordinal).Select(key => FeatureSpace.KeyOf(0, key))];
    }

    /// <summary>
    /// A title's words as <see cref="Extract"/> weighs them and <see cref="TitleTermIds"/> reads them back: an analysed language's
    /// stems (<c>IsStem</c>, which also bring their glosses), else its words but numbers. One walk for both, so the short side's
    /// guard sees exactly the title terms the profile holds.
    /// </summary>
    private static IEnumerable<(string Word, bool IsStem)> TitleWords(string title, string? analysed)
    {
        if (LanguageTerms.Analyze(analysed, title, MaxTitleWords) is { } stems)
        {
            foreach (var (stem, _) in stems) yield return (stem, true);
            yield break;
        }
        foreach (var w in Words.Scan(title, MaxTitleWords))
        {
            if (!w.IsNumber) yield return (title.Substring(w.Start, w.Length), false);
        }
    }

    /// <summary>A stem of an analysed language, and the English words its glossary gives it at <paramref name="glossWeight"/> of its weight (shared among them).</summary>
    private void AddStem(string language, string stem, double weight, IReadOnlyDictionary<string, string[]>? glossary, double glossWeight)
    {
        AddTerm(stem, weight);
        if (glossary is null || stem.Length < 2 || !glossary.TryGetValue(Glossary.KeyOf(language, stem), out var glosses)) return;
        foreach (var gloss in glosses) AddTerm(gloss, weight * glossWeight / glosses.Length);
    }

    private void AddTerm(ReadOnlySpan<char> word, double weight)
    {
        if (TermOf(word) is { } term) Add(Terms, term, weight);
    }

    /// <summary>The term a word gives (folded, two characters or more, not a function word), or null.</summary>
    private static string? TermOf(ReadOnlySpan<char> word)
    {
        if (word.Length < 2) return null;
        var folded = Words.Fold(word);
        return FunctionWords.Contains(folded) ? null : folded;
    }

    /// <summary>A word already folded (<see cref="Words.Fold"/>) from two characters or more.</summary>
    private void AddFoldedTerm(string folded, double weight)
    {
        if (FunctionWords.Contains(folded)) return;
        Add(Terms, folded, weight);
    }

    private void AddMentions(Document document, ClusteringOptions options, PositionWeights weights)
    {
        var text = document.Text;
        var parts = new List<string>(4);
        foreach (var mention in document.Mentions)
        {
            if (mention.Span.Start < 0 || mention.Span.End > text.Length) continue;
            var surface = mention.Span.TextOf(text);
            var weight = (mention.Type == EntityType.Loc ? options.PlaceBoost : 1.0) * weights.At(mention.Span.Start);
            // A fallback mention (a capitalised run where no model could tag) says "a name", not which kind.
            var kind = mention.Confidence >= ModelConfidence ? NameTypesOf.Type(mention.Type) : NameTypes.None;
            parts.Clear();
            foreach (var w in Words.Scan(surface, 16))
            {
                if (w.IsNumber || w.Length < 2 || Words.IsApostropheSuffix(surface, w)) continue;
                var folded = Words.Fold(surface.AsSpan(w.Start, w.Length));
                if (FunctionWords.Contains(folded)) continue;
                parts.Add(folded);
            }
            AddName(parts, weight, kind);
        }
    }

    /// <summary>
    /// The sound keys (<see cref="HanNameKeys"/>) of a Chinese article's transliterated foreign names, or of another article's
    /// name words, each at the weight of what it keys: a Chinese and a Latin-script article then meet on the names Chinese spells in Han.
    /// </summary>
    private void AddHanNameKeys(string language, string text, PositionWeights weights)
    {
        if (language == "zh")
        {
            foreach (var (key, start) in HanNameKeys.OfHanNames(text)) AddEntity(HanNameKeys.Prefix + key, weights.At(start), NameTypes.None);
            return;
        }
        var keyed = new List<(string Key, double Weight)>();
        foreach (var (feature, weight) in Entities)
        {
            // Name words only: not a pair of them ("_"), not a country's key.
            if (feature.Contains('_', StringComparison.Ordinal) || feature.StartsWith(CountryKeyPrefix, StringComparison.Ordinal)) continue;
            if (HanNameKeys.OfLatin(feature) is { } key) keyed.Add((HanNameKeys.Prefix + key, weight));
        }
        foreach (var (key, weight) in keyed) AddEntity(key, weight, NameTypes.None);
    }

    /// <summary>Marks an entity feature that is a country's language-neutral key (<see cref="CountryNames"/>), never a name word.</summary>
    internal const string CountryKeyPrefix = "@";

    /// <summary>Entity features (name words and pairs) a document needs of its own before country keys join them.</summary>
    private const int MinNamesForCountryKeys = 3;

    /// <summary>The most words of a title that count (a title is a line; a longer one is text a site put there).</summary>
    private const int MaxTitleWords = 200;

    /// <summary>Mentions below this confidence come from the capitalised-name fallback, which gives no kind of name.</summary>
    private const float ModelConfidence = 0.5f;

    /// <summary>
    /// A name counts by its words (so "Lohan" meets "Lindsay Lohan") and by its adjacent word pairs
    /// (so "Reggie Bush" and "George Bush" stay different people).
    /// </summary>
    private void AddName(List<string> parts, double weight, NameTypes kind = NameTypes.None)
    {
        for (var i = 0; i < parts.Count; i++)
        {
            AddEntity(parts[i], weight, kind);
            if (i > 0) AddEntity(parts[i - 1] + "_" + parts[i], weight, kind);
        }
    }

    private void AddEntity(string feature, double weight, NameTypes kind)
    {
        Add(Entities, feature, weight);
        if (kind != NameTypes.None) EntityTypes[feature] = EntityTypes.GetValueOrDefault(feature) | kind;
    }

    /// <summary>
    /// Fallback when no tagger ran: capitalised words that are not function words. A word capitalised
    /// only at sentence starts is taken only if it is also capitalised somewhere mid-sentence, which keeps
    /// ordinary sentence-initial words out in scripts that have case.
    /// </summary>
    private void AddCapitalisedWords(string text, List<WordToken> words, PositionWeights weights)
    {
        var midSentence = new HashSet<string>(StringComparer.Ordinal);
        foreach (var w in words)
        {
            if (w.IsCapitalised && !w.StartsSentence) midSentence.Add(Words.Fold(text.AsSpan(w.Start, w.Length)));
        }
        var name = new List<string>(4);
        var nameWeight = 1.0;
        var previousEnd = -1;
        foreach (var w in words)
        {
            string? folded = null;
            if (w.IsCapitalised && w.Length >= 2)
            {
                folded = Words.Fold(text.AsSpan(w.Start, w.Length));
                if (FunctionWords.Contains(folded) || (w.StartsSentence && !midSentence.Contains(folded))) folded = null;
            }
            // A name is a run of capitalised words separated by spaces only.
            var continues = folded is not null && name.Count > 0 && IsSpaceOnly(text, previousEnd, w.Start);
            if (!continues && name.Count > 0)
            {
                AddName(name, nameWeight);
                name.Clear();
            }
            if (folded is not null)
            {
                if (name.Count == 0) nameWeight = weights.At(w.Start);
                name.Add(folded);
            }
            previousEnd = w.Start + w.Length;
        }
        if (name.Count > 0) AddName(name, nameWeight);
    }

    private static bool IsSpaceOnly(string text, int from, int to)
    {
        if (from < 0 || to - from > 3) return false;
        for (var i = from; i < to; i++)
        {
            if (text[i] is not (' ' or '\u00A0')) return false;
        }
        return true;
    }

    private void AddNumbers(string text, List<WordToken> words, Quantity[] quantities, PositionWeights weights, bool decimalComma)
    {
        foreach (var w in words)
        {
            if (!w.IsNumber) continue;
            var number = Words.FoldNumber(text.AsSpan(w.Start, w.Length), decimalComma);
            // Single digits are list markers and counts of everything; they say nothing about one event.
            if (number.Length < 2 && !number.Contains('.')) continue;
            var isYear = number.Length == 4 && number[0] is '1' or '2' && int.TryParse(number, CultureInfo.InvariantCulture, out var year) && year is >= 1800 and <= 2200;
            Add(Specifics, isYear ? "y" + number : "n" + number, weights.At(w.Start));
        }
        foreach (var q in quantities)
        {
            if (double.IsNaN(q.Value) || double.IsInfinity(q.Value)) continue;
            // Counts, money and percentages tell events apart; measures (durations, ages, distances), shares and
            // vague amounts recur across unrelated events.
            if (q.Kind is not (QuantityKind.Count or QuantityKind.Money or QuantityKind.Percent) || q.Qualifier == Qualifier.AtLeast && q.Rule == "vague-amount") continue;
            var value = q.Normalized is { } normalized ? normalized.Value : q.Value;
            Add(Specifics, "q" + q.Kind.ToString()[0] + RoundSignificant(value).ToString("R", CultureInfo.InvariantCulture), weights.At(q.Span.Start));
        }
    }

    private void AddTimeExpressions(TimeExpression[] times)
    {
        foreach (var t in times)
        {
            if (string.IsNullOrEmpty(t.Value) || t.Value.Length > 32) continue;
            // Month- and day-precise dates tell events apart; a bare year is already a number feature.
            if (t.Granularity is TimeGranularity.Day or TimeGranularity.Week or TimeGranularity.Month) Add(Specifics, "d" + t.Value, 1.5);
        }
    }

    private static double RoundSignificant(double value)
    {
        if (value == 0) return 0;
        var scale = Math.Pow(10, Math.Floor(Math.Log10(Math.Abs(value))) - 2);
        return Math.Round(value / scale) * scale;
    }

    private static void Add(Dictionary<string, double> map, string key, double weight)
    {
        map[key] = map.GetValueOrDefault(key) + weight;
    }

    private static void Sublinear(Dictionary<string, double> map)
    {
        foreach (var key in map.Keys.ToList())
        {
            var tf = map[key];
            map[key] = tf <= 1 ? tf : 1 + Math.Log(tf);
        }
    }
}
