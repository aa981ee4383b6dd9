using Crosscheck.Core.Model;

namespace Crosscheck.Core.Pipeline;

/// <summary>
/// An <see cref="IDocumentStage"/> that declares its name and layers once, in its constructor call,
/// so each stage holds only its own work.
/// </summary>
/// <param name="name">The stage's <see cref="IDocumentStage.Name"/>.</param>
/// <param name="requires">The layers it reads.</param>
/// <param name="assigns">The layers it sets.</param>
public abstract class DocumentStage(string name, IReadOnlyCollection<Layer> requires, IReadOnlyCollection<Layer> assigns) : IDocumentStage
{
    public string Name { get; } = name;

    public IReadOnlyCollection<Layer> Requires { get; } = requires;

    public IReadOnlyCollection<Layer> Assigns { get; } = assigns;

    public abstract void Process(Document document);
}
