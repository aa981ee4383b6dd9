using Crosscheck.Core.Model;
using Crosscheck.Testing;

namespace Crosscheck.Annotation.Tests.Claims;

/// <summary>
/// Builds documents for the claim-layer tests without the real sentence splitter and tagger:
/// sentences end at ". ", "? ", "! " before a capital or a paragraph break, and the given names become mentions.
/// </summary>
public static class ClaimDocs
{
    public static Document With(string body, DateTimeOffset? published = null, params (string Name, EntityType Type, string? Role)[] mentions)
    {
        var document = Docs.Of(body, published: published);
        document.Sentences = SplitSentences(body);
        var found = new List<Mention>();
        foreach (var (name, type, role) in mentions)
        {
            for (var at = body.IndexOf(name, StringComparison.Ordinal); at >= 0; at = body.IndexOf(name, at + name.Length, StringComparison.Ordinal))
            {
                found.Add(new Mention(new TextSpan(at, name.Length), type, role));
            }
        }
        found.Sort((a, b) => a.Span.CompareTo(b.Span));
        document.Mentions = [.. found];
        return document;
    }

    public static Document Plain(string body, DateTimeOffset? published = null) => With(body, published);

    public static Sentence[] SplitSentences(string body)
    {
        var sentences = new List<Sentence>();
        var start = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var end = -1;
            if ((body[i] is '.' or '?' or '!') && i + 2 < body.Length && body[i + 1] == ' ' && !char.IsLower(body[i + 2]) && !char.IsDigit(body[i + 2])) end = i + 1;
            else if (body[i] == '\n') end = i;
            if (end < 0) continue;
            if (end > start && body[start..end].Trim().Length > 0) sentences.Add(new Sentence(Trim(body, start, end)));
            start = end + 1;
        }
        if (start < body.Length && body[start..].Trim().Length > 0) sentences.Add(new Sentence(Trim(body, start, body.Length)));
        return [.. sentences];
    }

    private static TextSpan Trim(string body, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(body[start])) start++;
        while (end > start && char.IsWhiteSpace(body[end - 1])) end--;
        return TextSpan.FromBounds(start, end);
    }
}
