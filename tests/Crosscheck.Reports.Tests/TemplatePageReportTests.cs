using System.Text.Json;
using Crosscheck.Core.Model;
using Crosscheck.Stories.Consolidation;
using Xunit;

namespace Crosscheck.Reports.Tests;

/// <summary>
/// An article the clusterer placed as a template page is marked so in every report format, with why it stands alone; an
/// article known not to be one and an article whose mark is unknown are not.
/// </summary>
public class TemplatePageReportTests
{
    /// <summary>The sample story with "b" marked a template page, "a" marked not one and "c" unknown.</summary>
    private static Dossier Marked()
    {
        var (story, documents) = SampleStory.Build();
        return new DossierBuilder().Build(story, documents) with { TemplatePages = new Dictionary<string, bool> { ["a"] = false, ["b"] = true } };
    }

    [Fact]
    public void Json_gives_each_article_its_mark_true_false_or_null_when_unknown()
    {
        var articles = JsonDocument.Parse(DossierJson.ToJson(Marked())).RootElement.GetProperty("articles").EnumerateArray()
            .ToDictionary(a => a.GetProperty("id").GetString()!, a => a.GetProperty("template_page"));

        Assert.Equal(JsonValueKind.False, articles["a"].ValueKind);
        Assert.Equal(JsonValueKind.True, articles["b"].ValueKind);
        Assert.Equal(JsonValueKind.Null, articles["c"].ValueKind);
    }

    [Fact]
    public void Markdown_and_html_say_why_the_template_page_stands_alone_and_name_no_other_article()
    {
        var (markdown, html) = SampleStory.Reports(Marked());

        var line = Assert.Single(markdown.Split('\n'), l => l.Contains("template page", StringComparison.Ordinal));
        Assert.StartsWith(@"- \[2\] Daily Ledger — template page: its text is mostly a block another page shares", line, StringComparison.Ordinal);
        Assert.Contains("kept out of stories", line, StringComparison.Ordinal);
        var note = Assert.Single(html.Split('\n'), l => l.Contains("template page", StringComparison.Ordinal));
        Assert.StartsWith("<p class=\"template-page\">[2] Daily Ledger — template page: its text is mostly a block another page shares", note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dossier_without_marks_says_nothing_of_template_pages()
    {
        var (story, documents) = SampleStory.Build();
        var dossier = new DossierBuilder().Build(story, documents);
        var (markdown, html) = SampleStory.Reports(dossier);

        Assert.DoesNotContain("template page", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("template page", html, StringComparison.Ordinal);
        Assert.All(JsonDocument.Parse(DossierJson.ToJson(dossier)).RootElement.GetProperty("articles").EnumerateArray(),
            a => Assert.Equal(JsonValueKind.Null, a.GetProperty("template_page").ValueKind));
    }
}
