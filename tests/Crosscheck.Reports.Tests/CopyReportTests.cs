using System.Text.Json;
using Crosscheck.Core.Model;
using Crosscheck.Stories.Consolidation;
using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Reports.Tests;

/// <summary>A syndicated copy in a story is kept and marked with its original in every report format.</summary>
public class CopyReportTests
{
    private static Dossier WithCopy()
    {
        var (story, documents) = SampleStory.Build();
        var original = documents[0];
        var copy = StoryDoc.Of(original.Text + "\n\nRead more on our site.", "d", "Coast Wire", title: "Instructors for the north").Build();
        return new DossierBuilder().Build(story with { ArticleIds = [.. story.ArticleIds, "d"] }, [.. documents, copy]);
    }

    [Fact]
    public void The_dossier_lists_the_copy_with_its_original_and_share()
    {
        var copy = Assert.Single(WithCopy().Copies);

        Assert.Equal("d", copy.Article);
        Assert.Equal("a", copy.Original);
        Assert.InRange(copy.Share!.Value, 0.6, 0.99);
    }

    [Fact]
    public void Json_gives_each_article_its_copy_link_or_null()
    {
        var articles = JsonDocument.Parse(DossierJson.ToJson(WithCopy())).RootElement.GetProperty("articles").EnumerateArray().ToList();

        var copyOf = articles.Single(a => a.GetProperty("id").GetString() == "d").GetProperty("copy_of");
        Assert.Equal("a", copyOf.GetProperty("article").GetString());
        Assert.InRange(copyOf.GetProperty("shared").GetDouble(), 0.6, 0.99);
        Assert.All(articles.Where(a => a.GetProperty("id").GetString() != "d"), a => Assert.Equal(JsonValueKind.Null, a.GetProperty("copy_of").ValueKind));
    }

    [Fact]
    public void Markdown_and_html_name_the_original_in_the_articles_table()
    {
        var (markdown, html) = SampleStory.Reports(WithCopy());

        var copyRow = markdown.Split('\n').Single(l => l.StartsWith("| 4 |", StringComparison.Ordinal));
        Assert.Matches(@"\| \\\[1\\\] Harbour Times, \d\d% of its text \|$", copyRow.TrimEnd());
        Assert.Contains("<th>Copy of</th>", html, StringComparison.Ordinal);
        Assert.Matches(@"<td class=""copy"">\[1\] Harbour Times, \d\d% of its text</td>", html);
    }

    [Fact]
    public void A_story_without_copies_has_no_copy_column_in_html()
    {
        var (story, documents) = SampleStory.Build();
        var dossier = new DossierBuilder().Build(story, documents);

        Assert.Empty(dossier.Copies);
        Assert.DoesNotContain("Copy of", DossierHtml.ToHtml(dossier), StringComparison.Ordinal);
    }
}
