using System.Collections.Frozen;
using Crosscheck.Core.Text;

namespace Crosscheck.Stories.Clustering;

/// <summary>The embedded list of function words (Resources/function-words.txt).</summary>
internal static class FunctionWords
{
    public static readonly FrozenSet<string> Set =
        EmbeddedLines.Read(typeof(FunctionWords).Assembly, "Crosscheck.Stories.Clustering.Resources.function-words.txt")
            .ToFrozenSet(StringComparer.Ordinal);
}
