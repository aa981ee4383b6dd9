using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;

namespace Crosscheck.Ingest.Processing;

/// <summary>Extract then annotate: everything derived from one raw input, with no shared state.</summary>
public sealed class ArticleProcessor(IArticleExtractor extractor, DocumentPipeline annotation)
{
    public Document Process(RawInput raw)
    {
        Article article;
        try
        {
            article = extractor.Extract(raw);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Extraction must not lose the input: an empty article with the reason keeps the
            // raw input linked to a visible error, and `reprocess` can retry it later.
            article = new Article { Id = raw.Id, Source = raw.Source };
            article.Diagnostics.Add(new Diagnostic("extract", DiagnosticSeverity.Error, $"failed: {ex.GetType().Name}: {ex.Message}"));
        }
        return Annotate(article);
    }

    /// <summary>Annotates an article whose body changed after extraction (e.g. by a corpus-level pass).</summary>
    public Document Annotate(Article article) => annotation.Run(new Document(article));
}
