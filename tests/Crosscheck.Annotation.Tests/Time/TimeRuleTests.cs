using Crosscheck.Annotation.Tests.Claims;
using Crosscheck.Annotation.Time;
using Crosscheck.Core.Model;
using Xunit;

namespace Crosscheck.Annotation.Tests.Time;

/// <summary>The time rule table: every rule named once with an example it reads, recorded on what it reads, and switched off by <see cref="TimeOptions.Without"/>.</summary>
public class TimeRuleTests
{
    private static readonly DateTimeOffset Published = new(2024, 9, 18, 10, 0, 0, TimeSpan.Zero);

    private static TimeExpression[] Run(string text, TimeOptions? options = null, string? language = null)
    {
        var document = ClaimDocs.Plain(text, Published);
        document.Article.Language = language;
        new TimeExpressionRecognizer(options ?? new TimeOptions()).Process(document);
        return document.TimeExpressions;
    }

    [Fact]
    public void Every_rule_is_in_the_table_once_with_an_example()
    {
        Assert.Equal(Enum.GetValues<TimeRuleName>(), TimeExpressionRecognizer.RuleExamples.Select(r => r.Name));
        Assert.All(TimeExpressionRecognizer.RuleExamples, rule => Assert.False(string.IsNullOrWhiteSpace(rule.Example)));
    }

    /// <summary>The language of a rule's example: the locale rules read only documents in their language.</summary>
    private static string ExampleLanguage(TimeRuleName rule) => rule switch
    {
        TimeRuleName.LocaleDeictic => "fr",
        TimeRuleName.LocaleWeekday => "de",
        TimeRuleName.LocaleDayMonth => "es",
        TimeRuleName.LocaleRelative => "ru",
        TimeRuleName.LocaleMonthYear => "de",
        TimeRuleName.LocaleDigitDate => "fr",
        _ => "en",
    };

    public static TheoryData<TimeRuleName> Rules() => [.. Enum.GetValues<TimeRuleName>()];

    [Theory]
    [MemberData(nameof(Rules))]
    public void Each_rule_reads_its_example_and_records_its_name(TimeRuleName rule)
    {
        var example = TimeExpressionRecognizer.RuleExamples.Single(r => r.Name == rule).Example;
        var found = Assert.Single(Run(example, language: ExampleLanguage(rule)));
        Assert.Equal(rule.ToString(), found.Rule);
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Without_a_rule_its_example_is_not_read_by_it(TimeRuleName rule)
    {
        var example = TimeExpressionRecognizer.RuleExamples.Single(r => r.Name == rule).Example;
        var found = Run(example, new TimeOptions { Without = new HashSet<TimeRuleName> { rule } }, ExampleLanguage(rule));
        Assert.DoesNotContain(found, t => t.Rule == rule.ToString());
    }
}
