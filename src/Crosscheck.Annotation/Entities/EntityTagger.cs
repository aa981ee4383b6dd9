using System.Collections.Frozen;
using Crosscheck.Annotation.Tokens;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;
using Crosscheck.Core.Text;

namespace Crosscheck.Annotation.Entities;

/// <summary>Settings for <see cref="EntityTagger"/>.</summary>
public sealed record EntityTaggerOptions
{
    /// <summary>Sentences longer than this many tokens are tagged in pieces, bounding work per sentence. Default 300.</summary>
    public int MaxTokensPerSentence { get; init; } = 300;

    /// <summary>Documents with more tokens than this are tagged only up to it (with a diagnostic). Default 2,000,000.</summary>
    public int MaxTokensPerDocument { get; init; } = 2_000_000;

    /// <summary>Attach role cues ("spokeswoman", "prime minister") to person mentions. Default on.</summary>
    public bool RoleCues { get; init; } = true;

    /// <summary>
    /// Restore capitals before tagging in sentences written in headline case or all lower case (true), and
    /// in sentences all in capitals (<see cref="TruecaseCapitals"/>). Default on / off.
    /// </summary>
    public bool Truecase { get; init; } = true;

    public bool TruecaseCapitals { get; init; }

    public ConsistencyOptions Consistency { get; init; } = new();
}

/// <summary>
/// Tags PERSON, ORG, LOC and MISC mentions with the shipped statistical model of the document's language (a
/// BILOU structured perceptron, see models/ner/MODEL_CARD.md and the per-language cards beside it), then makes
/// names consistent through the document and attaches role cues to persons. A language without a model gets
/// low-confidence capitalised-name mentions (<see cref="CapitalisedNames"/>), never another language's model.
/// Immutable; one instance serves any number of threads.
/// </summary>
public sealed class EntityTagger : DocumentStage
{
    /// <summary>Name of the shipped English model as an embedded resource (models/ner/ner.model.gz).</summary>
    public const string DefaultModelResource = ShippedModels.EnglishResource;

    private static readonly FrozenSet<string> NotNames =
        Lexicon.Set(typeof(EntityTagger).Assembly, "Entities/not-names.txt", LexiconCase.IgnoreCase);

    /// <summary>A model given explicitly (a file, a model being trained): it tags every document; null = the shipped model per language.</summary>
    private readonly NerModel? _model;
    private readonly EntityTaggerOptions _options;

    internal EntityTagger(NerModel? model, EntityTaggerOptions? options = null)
        : base("entities", [Layer.Sentences, Layer.Tokens], [Layer.Mentions])
    {
        _model = model;
        _options = options ?? new EntityTaggerOptions();
    }

    /// <summary>The tagger with the models shipped inside this assembly; the English one is loaded now, the others when first needed.</summary>
    public static EntityTagger LoadDefault(EntityTaggerOptions? options = null)
    {
        ShippedModels.EnglishModel();
        return new(null, options);
    }

    /// <summary>A tagger with a model file written by <c>crosscheck train ner</c>, used for documents in any language.</summary>
    public static EntityTagger Load(string modelPath, EntityTaggerOptions? options = null)
    {
        using var stream = File.OpenRead(modelPath);
        return new EntityTagger(NerModel.Load(stream), options);
    }

    /// <summary>The languages (ISO 639-1 codes) with a shipped model; documents in other languages get the capitalised-name fallback.</summary>
    public static IReadOnlyCollection<string> ShippedLanguages => ShippedModels.Languages;

    /// <summary>Whether a document in this language (ISO 639-1; null = not identified, read as English) is tagged by a model.</summary>
    public bool HasModelFor(string? language) => _model is not null || ShippedModels.For(ShippedModels.KeyOf(language)) is not null;

    public override void Process(Document document)
    {
        var text = document.Text;
        var sentences = new List<TextSpan[]>();
        var tokens = document.Tokens;
        var t = 0;
        var budget = _options.MaxTokensPerDocument;
        foreach (var sentence in document.Sentences)
        {
            while (t < tokens.Length && tokens[t].Span.Start < sentence.Span.Start) t++;
            var first = t;
            while (t < tokens.Length && tokens[t].Span.End <= sentence.Span.End) t++;
            for (var piece = first; piece < t; piece += _options.MaxTokensPerSentence)
            {
                var length = Math.Min(Math.Min(_options.MaxTokensPerSentence, t - piece), budget);
                if (length <= 0) break;
                var spans = new TextSpan[length];
                for (var k = 0; k < length; k++) spans[k] = tokens[piece + k].Span;
                sentences.Add(spans);
                budget -= length;
            }
        }
        if (budget <= 0)
            document.Diagnostics.Add(new Diagnostic(Name, DiagnosticSeverity.Warning,
                $"document has more than {_options.MaxTokensPerDocument:N0} tokens; only the first ones were tagged"));
        document.Mentions = [.. Annotate(text, sentences, document.Article.Language)];
    }

    /// <summary>Mentions for a text whose sentences are given as token spans; sorted by position.</summary>
    internal List<Mention> Annotate(string text, IReadOnlyList<TextSpan[]> sentences, string? language = null)
    {
        var key = ShippedModels.KeyOf(language);
        var model = ModelFor(key);
        var tokenMentions = model is null ? CapitalisedNames.Find(text, sentences) : TagTokens(model, text, sentences);
        var confidence = model is null ? CapitalisedNames.Confidence : 1f;
        // The role nouns are English words.
        var roleCues = _options.RoleCues && key == ShippedModels.English;
        var mentions = new List<Mention>(tokenMentions.Count);
        foreach (var m in tokenMentions)
        {
            var tokens = sentences[m.Sentence];
            var role = roleCues && m.Type == 0 ? RoleCues.Find(text, tokens, m.Start, m.End) : null;
            mentions.Add(new Mention(TextSpan.FromBounds(tokens[m.Start].Start, tokens[m.End - 1].End), Bilou.ToEntityType(m.Type), role, confidence));
        }
        mentions.Sort((a, b) => a.Span.CompareTo(b.Span));
        return mentions;
    }

    /// <summary>
    /// Adds a mention, cut where the tokenizer split two words glued by bad extraction or translation
    /// ("BarndowAnd" → "Barndow" "And"): a glued boundary is a word boundary the model never saw in its
    /// training text, and a glued function word is never part of a name.
    /// </summary>
    private static void AddSplitAtGlue(string text, TextSpan[] tokens, DocumentConsistency.TokenMention mention, List<DocumentConsistency.TokenMention> output)
    {
        if (mention.End - mention.Start == 1 && Lexicon.Contains(NotNames, tokens[mention.Start].Of(text))) return;
        var start = mention.Start;
        for (var k = mention.Start + 1; k < mention.End; k++)
        {
            var token = tokens[k];
            var glued = token.Start == tokens[k - 1].End && token.Start > 0 && char.IsLower(text[token.Start - 1]) && char.IsUpper(text[token.Start]);
            if (!glued) continue;
            if (k > start) output.Add(mention with { Start = start, End = k });
            start = Lexicon.Contains(TokenLexicon.CapitalisedFunctionWords, token.Of(text)) ? k + 1 : k;
        }
        if (start < mention.End) output.Add(mention with { Start = start });
    }

    private NerModel? ModelFor(string key) => _model ?? ShippedModels.For(key);

    /// <summary>
    /// Token-level mentions for a text in a language (null = English) whose sentences are given as token spans,
    /// after document consistency; the capitalised-name fallback where the language has no model.
    /// </summary>
    internal List<DocumentConsistency.TokenMention> TagTokens(string text, IReadOnlyList<TextSpan[]> sentences, string? language = null) =>
        ModelFor(ShippedModels.KeyOf(language)) is { } model ? TagTokens(model, text, sentences) : CapitalisedNames.Find(text, sentences);

    private List<DocumentConsistency.TokenMention> TagTokens(NerModel model, string text, IReadOnlyList<TextSpan[]> sentences)
    {
        var labels = model.PredictDocument(text, sentences, _options.Truecase
            ? casing => casing != SentenceCasing.Capitals || _options.TruecaseCapitals
            : null);
        var mentions = new List<DocumentConsistency.TokenMention>();
        for (var s = 0; s < sentences.Count; s++)
            foreach (var (start, end, type) in Bilou.Decode(labels[s]))
                AddSplitAtGlue(text, sentences[s], new DocumentConsistency.TokenMention(s, start, end, type), mentions);
        DocumentConsistency.Apply(text, sentences, mentions, _options.Consistency);
        return mentions;
    }
}
