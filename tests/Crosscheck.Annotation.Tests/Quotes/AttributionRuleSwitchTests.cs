using Crosscheck.Annotation.Quotes;
using Crosscheck.Core.Model;
using Xunit;

using static Crosscheck.Annotation.Tests.Quotes.QuoteTestDocs;

namespace Crosscheck.Annotation.Tests.Quotes;

/// <summary>
/// Every attribution rule `eval attribution --without` names can be switched off: on a text where it finds an attribution, with
/// the rule off no quote records it (before 2026-12-07 these rules ignored the switch, so measuring them measured nothing).
/// </summary>
public class AttributionRuleSwitchTests
{
    public static TheoryData<AttributionRule, string> Examples => new()
    {
        { AttributionRule.PollOpening, "In a national poll released Monday, most voters chose the harbour plan over the bridge." },
        { AttributionRule.QuestionPut, "Asked whether she would run again, Jane Doe said she would decide in May." },
        { AttributionRule.DashByline, "“The bridge should have been repaired years ago.” ― Jane Doe" },
        { AttributionRule.ColonIntroduction, "The harbour was quiet that week. Jane Doe made the following remark:\n\n“The ferry will never run again in May.”" },
        { AttributionRule.HeadlineSpeaker, "Jane Doe: Ferry Talks Will Resume in May\n\nThe harbour board met on Monday." },
        { AttributionRule.Continuation, "“The nets are empty,” Jane Doe said. “The boats stay in port until the spring comes back.”" },
        { AttributionRule.SubjectAfterQuote, "“The ferry must run again before the winter,” Jane Doe chuckled at the voters." },
        { AttributionRule.UnlistedVerbBeforeSpeaker, "“The ferry ran every day back then, rain or shine,” chuckled Jane Doe." },
        { AttributionRule.SubjectOfQuotingSentence, "Jane Doe is labeling the order “an abuse of power that no harbour town should ever accept.”" },
        { AttributionRule.Unattributed, "The harbour was quiet.\n\n“Fish in the morning, nets in the evening, and nothing in between.”" },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void A_rule_switched_off_finds_nothing(AttributionRule rule, string text)
    {
        var name = rule.ToString();
        bool Records(Quote q) => q.Rule is { } recorded && (recorded == name || recorded.StartsWith(name + "+", StringComparison.Ordinal));
        var on = Run(text, JaneDoe);
        Assert.Contains(on.Quotes, Records);
        var off = RunWith(Without(rule), text, JaneDoe);
        Assert.DoesNotContain(off.Quotes, Records);
    }
}
