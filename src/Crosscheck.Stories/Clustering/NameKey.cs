using System.Text;

namespace Crosscheck.Stories.Clustering;

/// <summary>
/// The key a name word keeps across languages and scripts: its folded (ASCII-transliterated) form reduced to
/// its consonants, with the consonants that transliterations swap for one another merged. "Trump" and
/// "Трамп" (Tramp) meet as "trmp", "Biden" and "Байден" (Baiden) as "bdn".
/// Too short a key (under three consonants) says too little and is left out.
/// </summary>
public static class NameKey
{
    private const int MinimumLength = 3;

    /// <summary>The key of a folded name word (lower-case ASCII, as <see cref="Words.Fold"/> gives), or null.</summary>
    public static string? Of(string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        var key = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            var mapped = c switch
            {
                'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'h' or 'w' => '\0',
                'c' or 'q' => 'k',
                'z' or 'j' or 'x' => 's',
                'v' => 'f',
                _ => c is >= 'a' and <= 'z' ? c : '\0',
            };
            if (mapped == '\0' || (key.Length > 0 && key[^1] == mapped)) continue;
            key.Append(mapped);
        }
        return key.Length >= MinimumLength ? key.ToString() : null;
    }
}
