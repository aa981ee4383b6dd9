using Crosscheck.Core.Model;

namespace Crosscheck.Core.Pipeline;

/// <summary>
/// One annotation step over a document. A stage reads the layers it <see cref="Requires"/>
/// and sets the layers it <see cref="Assigns"/>; it never changes the text. Stages are
/// stateless (or hold only immutable models), so one instance serves documents on many threads.
/// </summary>
public interface IDocumentStage
{
    string Name { get; }

    IReadOnlyCollection<Layer> Requires { get; }

    IReadOnlyCollection<Layer> Assigns { get; }

    void Process(Document document);
}

/// <summary>Turns a raw input into an article: the Extract stage.</summary>
public interface IArticleExtractor
{
    Article Extract(RawInput input);
}
