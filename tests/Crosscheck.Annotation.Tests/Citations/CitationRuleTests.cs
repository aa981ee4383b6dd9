using Crosscheck.Annotation.Citations;
using Crosscheck.Annotation.Tests.Claims;
using Crosscheck.Core.Model;
using Xunit;

namespace Crosscheck.Annotation.Tests.Citations;

/// <summary>The citation rules: every rule named once with an example it reads, recorded on what it finds, and switched off by <see cref="CitationOptions.Without"/>.</summary>
public class CitationRuleTests
{
    private static Citation[] Run(string text, CitationOptions? options = null)
    {
        var document = ClaimDocs.Plain(text, null);
        new CitationRecognizer(options ?? new CitationOptions()).Process(document);
        return document.Citations;
    }

    [Fact]
    public void Every_rule_is_listed_once_with_an_example()
    {
        Assert.Equal(Enum.GetValues<CitationRuleName>(), CitationRecognizer.RuleExamples.Select(r => r.Name));
        Assert.All(CitationRecognizer.RuleExamples, rule => Assert.False(string.IsNullOrWhiteSpace(rule.Example)));
    }

    public static TheoryData<CitationRuleName> Rules() => [.. Enum.GetValues<CitationRuleName>()];

    [Theory]
    [MemberData(nameof(Rules))]
    public void Each_rule_reads_its_example_and_records_its_name(CitationRuleName rule)
    {
        var example = CitationRecognizer.RuleExamples.Single(r => r.Name == rule).Example;
        var found = Assert.Single(Run(example));
        Assert.Equal(rule.ToString(), found.Rule);
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Without_a_rule_its_example_is_not_found_by_it(CitationRuleName rule)
    {
        var example = CitationRecognizer.RuleExamples.Single(r => r.Name == rule).Example;
        var found = Run(example, new CitationOptions { Without = new HashSet<CitationRuleName> { rule } });
        Assert.DoesNotContain(found, c => c.Rule == rule.ToString());
    }
}
