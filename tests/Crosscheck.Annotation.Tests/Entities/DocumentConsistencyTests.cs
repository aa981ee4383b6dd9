using Crosscheck.Annotation.Entities;
using Crosscheck.Annotation.Tokens;
using Crosscheck.Core.Model;
using Xunit;
using TokenMention = Crosscheck.Annotation.Entities.DocumentConsistency.TokenMention;

namespace Crosscheck.Annotation.Tests.Entities;

public class DocumentConsistencyTests
{
    private const int Person = 0, Org = 1, Loc = 2;

    private static (string Text, List<TextSpan[]> Sentences) Sentences(params string[] sentences)
    {
        var text = string.Join('\n', sentences);
        var spans = new List<TextSpan[]>();
        var offset = 0;
        foreach (var sentence in sentences)
        {
            spans.Add(Tokenizer.Tokenize(sentence).Select(t => new TextSpan(t.Span.Start + offset, t.Span.Length)).ToArray());
            offset += sentence.Length + 1;
        }
        return (text, spans);
    }

    [Fact]
    public void A_name_keeps_its_majority_type()
    {
        var (text, sentences) = Sentences("Halvorsen Group won the contract .", "Halvorsen Group said profits rose .", "Analysts praised Halvorsen Group .");
        var mentions = new List<TokenMention> { new(0, 0, 2, Org), new(1, 0, 2, Person), new(2, 2, 4, Org) };
        DocumentConsistency.Apply(text, sentences, mentions, new ConsistencyOptions());
        Assert.All(mentions, m => Assert.Equal(Org, m.Type));
    }

    [Fact]
    public void A_surname_after_the_full_name_is_the_same_person()
    {
        var (text, sentences) = Sentences("Prime Minister Ousmane Diallo arrived .", "Diallo said the talks failed .", "Later Diallo left for Dakar .");
        var mentions = new List<TokenMention> { new(0, 2, 4, Person), new(1, 0, 1, Loc), new(2, 4, 5, Loc) };
        DocumentConsistency.Apply(text, sentences, mentions, new ConsistencyOptions());
        Assert.Equal(Person, mentions.Single(m => m.Sentence == 1).Type);
        // The untagged "Diallo" in the third sentence is found and typed too; Dakar stays a place.
        Assert.Contains(new TokenMention(2, 1, 2, Person), mentions);
        Assert.Contains(new TokenMention(2, 4, 5, Loc), mentions);
    }

    [Fact]
    public void Untagged_repeats_of_a_tagged_name_are_tagged()
    {
        var (text, sentences) = Sentences("Officials in Timbara said the road was cut .", "TIMBARA FLOODS", "Aid reached Timbara on Friday .");
        var mentions = new List<TokenMention> { new(0, 2, 3, Loc) };
        DocumentConsistency.Apply(text, sentences, mentions, new ConsistencyOptions());
        Assert.Contains(new TokenMention(2, 2, 3, Loc), mentions);
        Assert.DoesNotContain(mentions, m => m.Sentence == 1);
        Assert.Equal(2, mentions.Count);
    }

    [Fact]
    public void Propagation_does_not_cut_into_a_longer_name()
    {
        var (text, sentences) = Sentences("Rain hit Norland .", "Norland Airways cancelled flights .");
        var mentions = new List<TokenMention> { new(0, 2, 3, Loc) };
        DocumentConsistency.Apply(text, sentences, mentions, new ConsistencyOptions());
        Assert.Single(mentions);
    }

    [Fact]
    public void Options_switch_the_rules_off()
    {
        var (text, sentences) = Sentences("Halvorsen Group won .", "Halvorsen Group lost .", "Halvorsen Group sued .");
        var mentions = new List<TokenMention> { new(0, 0, 2, Org), new(1, 0, 2, Person) };
        DocumentConsistency.Apply(text, sentences, mentions, new ConsistencyOptions { MajorityType = false, PropagateNames = false });
        Assert.Equal(Person, mentions[1].Type);
        Assert.Equal(2, mentions.Count);
    }
}
