using Crosscheck.Annotation.Sentences;
using Crosscheck.Annotation.Tokens;
using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Annotation.Tests.Tokens;

/// <summary>Any string, any length: the sentence and token stages never throw and keep spans well formed.</summary>
public class RandomInputTests
{
    private const string Alphabet = "aZé.,'’\"“”-–—:;!?()$%1 0\n\n\t\u00A0\uD83D\uDE00\uD800xX.U.S.http://www.a'sn't…\u0301";

    public static IEnumerable<object[]> Seeds() => Enumerable.Range(0, 40).Select(i => new object[] { i });

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_strings_are_handled(int seed)
    {
        var random = new Random(seed);
        var length = seed switch { 0 => 0, 1 => 1, 2 => 5000, _ => random.Next(1, 400) };
        var chars = new char[length];
        for (var i = 0; i < length; i++)
            chars[i] = random.Next(10) == 0 ? (char)random.Next(0, 0xFFFF) : Alphabet[random.Next(Alphabet.Length)];
        var document = Docs.Of(new string(chars));
        new SentenceSplitter().Process(document);
        new Tokenizer().Process(document);
        LayerAssert.SpansWellFormed(document);
        foreach (var token in document.Tokens) Assert.True(token.Span.Length > 0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n\n")]
    [InlineData("...")]
    [InlineData("U.S.")]
    [InlineData("'")]
    [InlineData("n't")]
    [InlineData("a-")]
    [InlineData("http://")]
    [InlineData("\uDC00\uD800")]
    public void Edge_strings_are_handled(string text)
    {
        var document = Docs.Of(text);
        new SentenceSplitter().Process(document);
        new Tokenizer().Process(document);
        LayerAssert.SpansWellFormed(document);
    }
}
