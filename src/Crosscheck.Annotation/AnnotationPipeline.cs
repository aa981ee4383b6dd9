using Crosscheck.Annotation.Citations;
using Crosscheck.Annotation.Entities;
using Crosscheck.Annotation.Quantities;
using Crosscheck.Annotation.Quotes;
using Crosscheck.Annotation.Sentences;
using Crosscheck.Annotation.Time;
using Crosscheck.Annotation.Tokens;
using Crosscheck.Core.Pipeline;

namespace Crosscheck.Annotation;

/// <summary>The annotation stages every document goes through, in order, with their shipped defaults.</summary>
public static class AnnotationPipeline
{
    /// <summary>
    /// Sentences, tokens, entities (the shipped model), quantities, time expressions, citations and
    /// quotes. Build it once and share it: loading the entity model takes a moment, and every stage is
    /// thread-safe.
    /// </summary>
    public static DocumentPipeline CreateDefault() => Create(new QuoteOptions());

    /// <summary>The default stages with other quote options (to measure one speaker or attribution rule's effect: <see cref="QuoteOptions.DisabledSpeakerRules"/>, <see cref="QuoteOptions.DisabledAttributionRules"/>).</summary>
    public static DocumentPipeline Create(QuoteOptions quotes) => new DocumentPipelineBuilder()
        .Use(new SentenceSplitter())
        .Use(new Tokenizer())
        .Use(EntityTagger.LoadDefault())
        .Use(new QuantityRecognizer())
        .Use(new TimeExpressionRecognizer())
        .Use(new CitationRecognizer())
        .Use(new QuoteRecognizer(quotes))
        .Build();
}
