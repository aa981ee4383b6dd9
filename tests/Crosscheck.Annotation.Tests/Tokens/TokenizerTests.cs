using Crosscheck.Annotation.Sentences;
using Crosscheck.Annotation.Tokens;
using Crosscheck.Core.Model;
using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Annotation.Tests.Tokens;

public class TokenizerTests
{
    public static TheoryData<string, string> GoldenCases()
    {
        var data = new TheoryData<string, string>();
        var path = Path.Combine(AppContext.BaseDirectory, "Tokens", "tokenizer-golden.txt");
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split(" => ", 2);
            data.Add(parts[0], parts[1]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(GoldenCases))]
    public void Tokenizes_golden_cases(string input, string expected)
    {
        Assert.Equal(expected, string.Join(" | ", Tokenizer.TokenStrings(input)));
    }

    [Fact]
    public void Token_kinds_follow_the_text()
    {
        const string text = "Visit https://example.org: 1,200 people paid $5.";
        var tokens = Tokenizer.Tokenize(text);
        var kinds = tokens.ToDictionary(t => t.Span.TextOf(text), t => t.Kind);
        Assert.Equal(TokenKind.Url, kinds["https://example.org"]);
        Assert.Equal(TokenKind.Number, kinds["1,200"]);
        Assert.Equal(TokenKind.Symbol, kinds["$"]);
        Assert.Equal(TokenKind.Punctuation, kinds[":"]);
        Assert.Equal(TokenKind.Word, kinds["people"]);
    }

    [Fact]
    public void Stage_tokens_stay_inside_their_sentences()
    {
        var document = Docs.Of("The envoy left.\n\nHe returned on Monday. Talks resumed.");
        new SentenceSplitter().Process(document);
        new Tokenizer().Process(document);
        Assert.Equal(3, document.Sentences.Length);
        foreach (var token in document.Tokens)
            Assert.Contains(document.Sentences, s => s.Span.Contains(token.Span));
        Assert.Equal(["The", "envoy", "left", ".", "He", "returned", "on", "Monday", ".", "Talks", "resumed", "."],
            document.Tokens.Select(t => document[t.Span]));
        LayerAssert.SpansWellFormed(document);
    }
}
