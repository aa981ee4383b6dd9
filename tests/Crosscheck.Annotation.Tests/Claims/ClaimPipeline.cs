using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;
using Crosscheck.Testing;

namespace Crosscheck.Annotation.Tests.Claims;

/// <summary>The full annotation pipeline (real splitter, tokenizer and tagger, then the claim layers) for data-driven tests.</summary>
public static class ClaimPipeline
{
    private static readonly Lazy<DocumentPipeline> Full = new(AnnotationPipeline.CreateDefault);

    public static DocumentPipeline Pipeline => Full.Value;

    public static Document Annotate(string body, DateTimeOffset? published = null, string id = "doc") =>
        Full.Value.Run(Docs.Of(body, id: id, published: published));
}
