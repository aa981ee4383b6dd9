namespace Crosscheck.Core.Model;

/// <summary>
/// An article's body text with stand-off annotation layers, in the manner of spaCy's Doc:
/// every layer is an array of small structs that point into <see cref="Text"/> by offset.
/// A layer that no stage has set is absent (see <see cref="Has"/>), which is different from empty.
/// </summary>
public sealed class Document
{
    private readonly Dictionary<Layer, Array> _layers = [];

    public Document(Article article)
    {
        Article = article;
    }

    public Article Article { get; }

    public string Text => Article.Body;

    public string Id => Article.Id;

    public List<Diagnostic> Diagnostics => Article.Diagnostics;

    public IEnumerable<Layer> Layers => _layers.Keys;

    public bool Has(Layer layer) => _layers.ContainsKey(layer);

    public Sentence[] Sentences { get => Get<Sentence>(Layer.Sentences); set => Set(Layer.Sentences, value); }

    public Token[] Tokens { get => Get<Token>(Layer.Tokens); set => Set(Layer.Tokens, value); }

    public Mention[] Mentions { get => Get<Mention>(Layer.Mentions); set => Set(Layer.Mentions, value); }

    public Quantity[] Quantities { get => Get<Quantity>(Layer.Quantities); set => Set(Layer.Quantities, value); }

    public TimeExpression[] TimeExpressions { get => Get<TimeExpression>(Layer.TimeExpressions); set => Set(Layer.TimeExpressions, value); }

    public Quote[] Quotes { get => Get<Quote>(Layer.Quotes); set => Set(Layer.Quotes, value); }

    public Citation[] Citations { get => Get<Citation>(Layer.Citations); set => Set(Layer.Citations, value); }

    /// <summary>The text a span covers.</summary>
    public string this[TextSpan span] => Text.Substring(span.Start, span.Length);

    /// <summary>The sentence that contains a position, or null when no sentence layer covers it.</summary>
    public Sentence? SentenceAt(int position)
    {
        var sentences = Sentences;
        int lo = 0, hi = sentences.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var span = sentences[mid].Span;
            if (position < span.Start) hi = mid - 1;
            else if (position >= span.End) lo = mid + 1;
            else return sentences[mid];
        }
        return null;
    }

    private T[] Get<T>(Layer layer) => _layers.TryGetValue(layer, out var value) ? (T[])value : [];

    private void Set<T>(Layer layer, T[] value) => _layers[layer] = value ?? throw new ArgumentNullException(nameof(value));
}
