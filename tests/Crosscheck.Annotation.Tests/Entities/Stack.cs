using Crosscheck.Annotation.Entities;
using Crosscheck.Annotation.Sentences;
using Crosscheck.Annotation.Tokens;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;
using Crosscheck.Testing;

namespace Crosscheck.Annotation.Tests.Entities;

/// <summary>The real stage stack (sentences → tokens → entities) with the shipped model.</summary>
internal static class Stack
{
    public static readonly DocumentPipeline Pipeline = new DocumentPipelineBuilder()
        .Use(new SentenceSplitter()).Use(new Tokenizer()).Use(EntityTagger.LoadDefault()).Build();

    public static Document Run(string text) => Pipeline.Run(Docs.Of(text));

    public static EntityType? TypeOf(Document document, string name) =>
        document.Mentions.Where(m => document[m.Span] == name).Select(m => (EntityType?)m.Type).FirstOrDefault();
}
