using Crosscheck.Annotation.Sentences;
using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Annotation.Tests.Sentences;

public class SentenceSplitterTests
{
    public static TheoryData<string, string[]> GoldenCases()
    {
        var data = new TheoryData<string, string[]>();
        var path = Path.Combine(AppContext.BaseDirectory, "Sentences", "splitter-golden.txt");
        var blocks = string.Join('\n', File.ReadLines(path).Where(l => !l.StartsWith('#'))).Split("----\n");
        foreach (var block in blocks)
        {
            var parts = block.Split("\n=>\n", 2);
            var input = parts[0].Trim().Replace("\\n", "\n");
            data.Add(input, parts[1].Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(GoldenCases))]
    public void Splits_golden_cases(string input, string[] expected)
    {
        var sentences = SentenceSplitter.Split(input).Select(span => span.TextOf(input));
        Assert.Equal(expected, sentences);
    }

    [Fact]
    public void Blank_line_always_ends_a_sentence()
    {
        var document = Docs.Of("Officials met in Geneva\n \nTalks resume on Monday, the agency said");
        new SentenceSplitter().Process(document);
        Assert.Equal(["Officials met in Geneva", "Talks resume on Monday, the agency said"],
            document.Sentences.Select(s => document[s.Span]));
    }

    [Fact]
    public void Run_on_text_is_cut_at_the_token_limit()
    {
        var text = string.Join(' ', Enumerable.Repeat("word", 1000));
        var sentences = SentenceSplitter.Split(text, new SentenceSplitterOptions { MaxTokensPerSentence = 100 });
        Assert.Equal(10, sentences.Count);
    }
}
