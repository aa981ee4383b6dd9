using Crosscheck.Annotation.Tests.Claims;
using Xunit;
using Xunit.Abstractions;

namespace Crosscheck.Annotation.Tests.Quotes;

/// <summary>Prints what the claim layers find in one file (CLAIMS_DEBUG_FILE); does nothing otherwise. A development aid.</summary>
public class QuoteDebugTests(ITestOutputHelper output)
{
    [Fact]
    public void PrintLayersOfDebugFile()
    {
        var path = Environment.GetEnvironmentVariable("CLAIMS_DEBUG_FILE");
        if (path is null || !File.Exists(path)) return;
        var text = File.ReadAllText(path);
        var grep = Environment.GetEnvironmentVariable("CLAIMS_DEBUG_GREP");
        var document = ClaimPipeline.Annotate(text);
        foreach (var sentence in document.Sentences)
        {
            var s = document[sentence.Span];
            if (grep is null || s.Contains(grep, StringComparison.Ordinal)) output.WriteLine($"S {sentence.Span}: {s}");
        }
        foreach (var m in document.Mentions)
        {
            if (grep is null) output.WriteLine($"M {m.Type} {document[m.Span]} role={m.Role}");
        }
        foreach (var q in document.Quotes)
        {
            var content = document[q.Span];
            if (grep is not null && !content.Contains(grep, StringComparison.Ordinal)) continue;
            var speaker = q.SpeakerSpan is { } sp ? document[sp] : null;
            var resolved = q.SpeakerMention is { } mi ? document[document.Mentions[mi].Span] : q.SpeakerDescription;
            output.WriteLine($"Q direct={q.Direct} cue={q.Cue} speaker=[{speaker}] -> {resolved}: {content}");
        }
    }
}
