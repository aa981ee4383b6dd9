using Crosscheck.Stories.Consolidation;
using Xunit;

namespace Crosscheck.Reports.Tests;

public class DossierMarkdownTests
{
    private static string Markdown()
    {
        var (story, documents) = SampleStory.Build();
        return DossierMarkdown.ToMarkdown(new DossierBuilder().Build(story, documents));
    }

    [Fact]
    public void The_report_shows_each_section_and_how_many_origins_stand_behind_a_claim()
    {
        var markdown = Markdown();

        Assert.StartsWith("# Nordvik instructors", markdown, StringComparison.Ordinal);
        foreach (var section in new[] { "## Articles", "## Claims", "## Entities", "## Quotes", "## Citations", "## Timeline" })
        {
            Assert.Contains(section, markdown, StringComparison.Ordinal);
        }
        Assert.Contains("2 articles, 1 origin: Associated Press", markdown, StringComparison.Ordinal);
        Assert.Contains("**single-origin**", markdown, StringComparison.Ordinal);
        Assert.Contains("Lena Hartmann", markdown, StringComparison.Ordinal);
        Assert.Contains("Hartmann ×1", markdown, StringComparison.Ordinal);
        Assert.Contains("### Lena Hartmann", markdown, StringComparison.Ordinal);
        Assert.Contains("**2024-03-04**", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Article_text_cannot_inject_markup()
    {
        var markdown = Markdown();

        Assert.DoesNotContain("<script>", markdown, StringComparison.Ordinal);
        Assert.Contains("Deal denied \\<script\\>", markdown, StringComparison.Ordinal);
    }
}
