using Crosscheck.Annotation.Events;
using Xunit;

namespace Crosscheck.Annotation.Tests.Events;

public class EventMentionDetectorTests
{
    private static List<(string Word, EventPolarity Polarity)> Detect(string sentence) =>
        EventMentionDetector.Detect(sentence, 0, sentence.Length).Select(m => (sentence.Substring(m.Span.Start, m.Span.Length), m.Polarity)).ToList();

    [Fact]
    public void Verbs_and_nouns_of_happening_are_found_and_names_and_look_alikes_are_not()
    {
        var found = Detect("Harlan Burns acquired the company after the merger talks on Tuesday morning.");

        Assert.Equal(["acquired", "merger", "talks"], found.Select(f => f.Word));
        Assert.All(found, f => Assert.Equal(EventPolarity.Asserted, f.Polarity));
    }

    [Fact]
    public void A_denial_or_negation_negates_and_a_modal_makes_possible()
    {
        Assert.Contains(("acquiring", EventPolarity.Negated), Detect("The firm denied acquiring the plant."));
        Assert.Contains(("signed", EventPolarity.Negated), Detect("The deal was not signed."));
        Assert.Contains(("sign", EventPolarity.Possible), Detect("They would sign the deal."));
    }

    [Fact]
    public void A_headline_in_title_case_keeps_its_verbs()
    {
        Assert.Contains(("Checks", EventPolarity.Asserted), Detect("Actress Checks Into Rehab After Crash"));
    }
}
