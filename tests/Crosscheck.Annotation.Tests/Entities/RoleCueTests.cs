using Crosscheck.Annotation.Entities;
using Crosscheck.Annotation.Tokens;
using Crosscheck.Core.Model;
using Xunit;

namespace Crosscheck.Annotation.Tests.Entities;

public class RoleCueTests
{
    /// <summary>Finds the role for the person whose name is <paramref name="name"/> in <paramref name="sentence"/>.</summary>
    private static string? RoleOf(string sentence, string name)
    {
        var tokens = Tokenizer.Tokenize(sentence).Select(t => t.Span).ToArray();
        var start = Array.FindIndex(tokens, t => t.Start == sentence.IndexOf(name, StringComparison.Ordinal));
        var end = Array.FindIndex(tokens, t => t.End == sentence.IndexOf(name, StringComparison.Ordinal) + name.Length) + 1;
        return RoleCues.Find(sentence, tokens, start, end);
    }

    [Theory]
    [InlineData("Defense Minister Sara Lindqvist said the troops would stay.", "Sara Lindqvist", "Defense Minister")]
    [InlineData("A ministry spokeswoman, Mira Tal, declined to comment.", "Mira Tal", "spokeswoman")]
    [InlineData("Oleg Brodsky, the country's prime minister, resigned.", "Oleg Brodsky", "prime minister")]
    [InlineData("Jane Okafor, a spokeswoman for the agency, said talks continue.", "Jane Okafor", "spokeswoman")]
    [InlineData("President Amadou Keita arrived on Monday.", "Amadou Keita", "President")]
    [InlineData("The foreign minister, Lena Dahl, met her counterpart.", "Lena Dahl", "foreign minister")]
    public void Finds_role_next_to_a_name(string sentence, string name, string role)
    {
        Assert.Equal(role, RoleOf(sentence, name));
    }

    [Theory]
    [InlineData("Sara Lindqvist said the troops would stay.", "Sara Lindqvist")]
    [InlineData("Mira Tal, who arrived late, declined to comment.", "Mira Tal")]
    public void No_role_without_a_cue(string sentence, string name)
    {
        Assert.Null(RoleOf(sentence, name));
    }

    [Fact]
    public void The_stage_sets_the_role_on_person_mentions()
    {
        var document = Stack.Run("The company's chief executive, Harold Finch, told reporters the plant would close. "
            + "Health Minister Agnes Moreau disagreed.");
        var finch = Assert.Single(document.Mentions, m => document[m.Span] == "Harold Finch");
        Assert.Equal(EntityType.Person, finch.Type);
        Assert.Equal("chief executive", finch.Role);
        var moreau = Assert.Single(document.Mentions, m => document[m.Span] == "Agnes Moreau");
        Assert.Equal("Health Minister", moreau.Role);
    }
}
