namespace Crosscheck.Extraction.PageTypes;

/// <summary>
/// One regression tree of <see cref="PageTypeModel"/>: a split node sends a page to its left child when the page's
/// feature is below the node's threshold, else to its right child; a leaf adds its value to one type's score.
/// Nodes are kept in flat arrays (index 0 is the root) so that evaluating is a short loop without allocation.
/// </summary>
internal sealed class PageTypeTree
{
    /// <summary>The feature a node splits on (index into <see cref="PageSignals.Names"/>), or -1 for a leaf.</summary>
    private readonly int[] _feature;
    private readonly double[] _threshold;
    private readonly int[] _left;
    private readonly int[] _right;
    private readonly double[] _value;

    private PageTypeTree(int[] feature, double[] threshold, int[] left, int[] right, double[] value)
    {
        _feature = feature;
        _threshold = threshold;
        _left = left;
        _right = right;
        _value = value;
    }

    /// <summary>A tree from nodes given in pre-order (a split's left subtree follows it, then its right subtree).</summary>
    public static PageTypeTree FromPreOrder(IReadOnlyList<Node> nodes)
    {
        var tree = new PageTypeTree(new int[nodes.Count], new double[nodes.Count], new int[nodes.Count], new int[nodes.Count], new double[nodes.Count]);
        var end = tree.Fill(nodes, 0);
        if (end != nodes.Count) throw new InvalidDataException("page-type model: a tree has nodes after its last leaf");
        return tree;
    }

    /// <summary>A node as the trainer builds it and the model file lists it: a split (feature ≥ 0) or a leaf's value.</summary>
    public readonly record struct Node(int Feature, double Threshold, double Value)
    {
        public static Node Split(int feature, double threshold) => new(feature, threshold, 0);

        public static Node Leaf(double value) => new(-1, 0, value);
    }

    /// <summary>The most splits on a path from the root to a leaf.</summary>
    public int Depth => DepthBelow(0);

    private int DepthBelow(int node) => _feature[node] < 0 ? 0 : 1 + Math.Max(DepthBelow(_left[node]), DepthBelow(_right[node]));

    /// <summary>What this tree adds to its type's score for one page.</summary>
    public double Evaluate(double[] features)
    {
        var node = 0;
        while (_feature[node] >= 0)
            node = features[_feature[node]] < _threshold[node] ? _left[node] : _right[node];
        return _value[node];
    }

    /// <summary>The nodes in pre-order as the model file writes them: "feature&lt;threshold" or "=value".</summary>
    public IEnumerable<string> Tokens(Func<double, string> format)
    {
        var stack = new Stack<int>([0]);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (_feature[node] < 0)
            {
                yield return "=" + format(_value[node]);
                continue;
            }
            yield return PageSignals.Names[_feature[node]] + "<" + format(_threshold[node]);
            stack.Push(_right[node]);
            stack.Push(_left[node]);
        }
    }

    /// <summary>Reads the tokens <see cref="Tokens"/> writes.</summary>
    public static PageTypeTree Parse(ReadOnlySpan<string> tokens, Func<string, int> featureIndex, Func<string, double> number)
    {
        var nodes = new List<Node>(tokens.Length);
        foreach (var token in tokens)
        {
            if (token.StartsWith('='))
            {
                nodes.Add(Node.Leaf(number(token[1..])));
                continue;
            }
            var at = token.LastIndexOf('<');
            if (at <= 0) throw new InvalidDataException($"page-type model: '{token}' is neither a split nor a leaf");
            nodes.Add(Node.Split(featureIndex(token[..at]), number(token[(at + 1)..])));
        }
        return FromPreOrder(nodes);
    }

    /// <summary>Places the subtree starting at pre-order position <paramref name="at"/>; returns the position after it.</summary>
    private int Fill(IReadOnlyList<Node> nodes, int at)
    {
        if (at >= nodes.Count) throw new InvalidDataException("page-type model: a tree ends inside a split");
        var node = nodes[at];
        _feature[at] = node.Feature;
        _threshold[at] = node.Threshold;
        _value[at] = node.Value;
        if (node.Feature < 0) return at + 1;
        _left[at] = at + 1;
        _right[at] = Fill(nodes, at + 1);
        return Fill(nodes, _right[at]);
    }
}
