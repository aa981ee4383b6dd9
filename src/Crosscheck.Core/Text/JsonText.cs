using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Crosscheck.Core.Text;

/// <summary>
/// The text of JSON strings from untrusted input. System.Text.Json parses an escaped unpaired
/// surrogate ("\ud800") without complaint and then throws <see cref="InvalidOperationException"/>
/// from <see cref="JsonElement.GetString"/>, so every reader of articles, feeds and JSON-LD reads
/// strings through here: such an escape becomes U+FFFD, as a UTF-8 encoder writes it, and the
/// rest of the string is kept. Crawlers that cut strings by UTF-16 length produce these often.
/// </summary>
public static class JsonText
{
    /// <summary>The string's text (null when the element is not a string).</summary>
    public static string? String(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.String) return null;
        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            return Unescape(element.GetRawText());
        }
    }

    /// <summary>The text of the named string property; null when it is missing or not a string.</summary>
    public static string? Property(JsonElement element, string name) => TryGetProperty(element, name, out var value) ? String(value) : null;

    /// <summary>
    /// <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/> for untrusted objects: false
    /// for a non-object, and a property whose name holds an unpaired surrogate escape (on which the
    /// lookup throws) is passed over rather than ending the search.
    /// </summary>
    public static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
    {
        value = default;
        if (element.ValueKind != JsonValueKind.Object) return false;
        try
        {
            return element.TryGetProperty(name, out value);
        }
        catch (InvalidOperationException)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (!NameEquals(property, name)) continue;
                value = property.Value;
                return true;
            }
            return false;
        }
    }

    private static bool NameEquals(JsonProperty property, string name)
    {
        try
        {
            return property.NameEquals(name);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Decodes a JSON string literal (with its quotes) that the parser has already checked, pairing surrogates where it can.</summary>
    private static string Unescape(string literal)
    {
        var text = new StringBuilder(literal.Length);
        var end = literal.Length - 1; // the closing quote
        for (var i = 1; i < end; i++)
        {
            var c = literal[i];
            if (c != '\\')
            {
                text.Append(c);
                continue;
            }
            var escape = literal[++i];
            if (escape != 'u')
            {
                text.Append(escape switch { 'b' => '\b', 'f' => '\f', 'n' => '\n', 'r' => '\r', 't' => '\t', _ => escape });
                continue;
            }
            var unit = Hex(literal, i + 1);
            i += 4;
            if (char.IsHighSurrogate(unit) && i + 6 < end && literal[i + 1] == '\\' && literal[i + 2] == 'u' && char.IsLowSurrogate(Hex(literal, i + 3)))
            {
                text.Append(unit).Append(Hex(literal, i + 3));
                i += 6;
            }
            else text.Append(char.IsSurrogate(unit) ? '\uFFFD' : unit);
        }
        return text.ToString();
    }

    private static char Hex(string literal, int start) => (char)int.Parse(literal.AsSpan(start, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
}
