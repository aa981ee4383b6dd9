using System.Text.Json;
using Crosscheck.Core.Model;
using Crosscheck.Stories.Consolidation;
using Crosscheck.Stories.Statements;
using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Reports.Tests;

/// <summary>An article that words a statement's event alike but shares nothing with it, as each report writer shows it: listed apart, never counted.</summary>
public class SimilarWordingReportTests
{
    private static readonly DateTimeOffset Day = new(2024, 3, 5, 8, 0, 0, TimeSpan.Zero);

    private static Dossier Dossier()
    {
        Document[] documents =
        [
            StoryDoc.Of("Prosecutors opened an investigation into Dunmore Freight on Tuesday.", "a", "Harbor Times", Day).Org("Dunmore Freight").Build(),
            StoryDoc.Of("Regulators joined the investigation into Dunmore Freight, officials said.", "b", "Valley Post", Day.AddHours(2)).Org("Dunmore Freight").Build(),
            StoryDoc.Of("Mira Voss called the investigation into her council seat unfair.", "c", "Coast Ledger", Day.AddHours(4)).Person("Mira Voss").Build(),
        ];
        var options = DossierBuilderOptions.Default with { Statements = new StatementOptions(SameHappenings: true) };
        return new DossierBuilder(options).Build(StoryOf.Documents(documents), documents);
    }

    [Fact]
    public void The_json_lists_similar_wording_apart_from_the_articles_and_origins()
    {
        var statement = JsonDocument.Parse(DossierJson.ToJson(Dossier())).RootElement.GetProperty("statements")[0];

        Assert.Equal(["a", "b"], statement.GetProperty("articles").EnumerateArray().Select(a => a.GetString()));
        Assert.DoesNotContain("Coast Ledger", statement.GetProperty("origins").EnumerateArray().Select(o => o.GetString()));
        var similar = Assert.Single(statement.GetProperty("similar").EnumerateArray());
        Assert.Equal("c", similar.GetProperty("article").GetString());
        Assert.StartsWith("Mira Voss called", similar.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_markdown_and_html_say_the_similar_wording_is_not_counted()
    {
        var dossier = Dossier();

        foreach (var report in new[] { DossierMarkdown.ToMarkdown(dossier), DossierHtml.ToHtml(dossier) })
        {
            var line = report.IndexOf("similar wording, not counted: ", StringComparison.Ordinal);
            Assert.True(line >= 0, "no similar wording line");
            Assert.Contains("Mira Voss called", report[line..], StringComparison.Ordinal);
            Assert.Contains("2 articles", report, StringComparison.Ordinal);
        }
    }
}
