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
/// Tags PERSON, ORG, LOC and MISC mentions with the shipped statistical model (a BILOU structured
/// perceptron, see models/ner/MODEL_CARD.md), then makes names consistent through the document and
/// attaches role cues to persons. Immutable; one instance serves any number of threads.
/// </summary>
public sealed class EntityTagger : DocumentStage
{
    /// <summary>Name of the shipped model as an embedded resource (models/ner/ner.model.gz).</summary>
    public const string DefaultModelResource = "Crosscheck.Annotation.Entities.ner.model.gz";

    private static readonly Lazy<NerModel> DefaultModel = new(LoadEmbeddedModel);

    private static readonly FrozenSet<string> NotNames =
        Lexicon.Set(typeof(EntityTagger).Assembly, "Entities/not-names.txt", LexiconCase.IgnoreCase);

    private readonly NerModel _model;
    private readonly EntityTaggerOptions _options;

    internal EntityTagger(NerModel model, EntityTaggerOptions? options = null)
        : base("entities", [Layer.Sentences, Layer.Tokens], [Layer.Mentions])
    {
        _model = model;
        _options = options ?? new EntityTaggerOptions();
    }

    /// <summary>The tagger with the model shipped inside this assembly (loaded once per process).</summary>
    public static EntityTagger LoadDefault(EntityTaggerOptions? options = null) => new(DefaultModel.Value, options);

    /// <summary>A tagger with a model file written by <c>crosscheck train ner</c>.</summary>
    public static EntityTagger Load(string modelPath, EntityTaggerOptions? options = null)
    {
        using var stream = File.OpenRead(modelPath);
        return new EntityTagger(NerModel.Load(stream), options);
    }

    private static NerModel LoadEmbeddedModel()
    {
        var assembly = typeof(EntityTagger).Assembly;
        using var stream = assembly.GetManifestResourceStream(DefaultModelResource)
            ?? throw new InvalidOperationException($"The NER model resource '{DefaultModelResource}' is missing from {assembly.GetName().Name}; train it with 'crosscheck train ner' into models/ner/ner.model.gz and rebuild.");
        return NerModel.Load(stream);
    }

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
        document.Mentions = [.. Annotate(text, sentences)];
    }

    /// <summary>Mentions for a text whose sentences are given as token spans; sorted by position.</summary>
    internal List<Mention> Annotate(string text, IReadOnlyList<TextSpan[]> sentences)
    {
        var tokenMentions = TagTokens(text, sentences);
        var mentions = new List<Mention>(tokenMentions.Count);
        foreach (var m in tokenMentions)
        {
            var tokens = sentences[m.Sentence];
            var role = _options.RoleCues && m.Type == 0 ? RoleCues.Find(text, tokens, m.Start, m.End) : null;
            mentions.Add(new Mention(TextSpan.FromBounds(tokens[m.Start].Start, tokens[m.End - 1].End), Bilou.ToEntityType(m.Type), role));
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

    /// <summary>Token-level mentions for a text whose sentences are given as token spans, after document consistency.</summary>
    internal List<DocumentConsistency.TokenMention> TagTokens(string text, IReadOnlyList<TextSpan[]> sentences)
    {
        var labels = _model.PredictDocument(text, sentences, _options.Truecase
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
