using System.Text.Json;
using Crosscheck.Core.Model;
using Crosscheck.Stories.Consolidation;
using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Reports.Tests;

/// <summary>The figures and quotes a statement carries, as each report writer shows them.</summary>
public class StatementLinkReportTests
{
    private static readonly DateTimeOffset Day = new(2024, 3, 5, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Two articles reporting one acquisition; the first gives its price and a quote in that sentence, and a headcount and a quote elsewhere.</summary>
    private static Dossier Dossier()
    {
        var a = StoryDoc.Of(
                "Norvale Systems acquired Brightwater Labs for 40 million dollars, calling it \"a step that doubles our reach\". "
                + "The company employs 300 engineers. Its chief said \"every office stays open\".", "a", "Harbor Times", Day)
            .Org("Norvale Systems").Org("Brightwater Labs").Money("40 million dollars", 40_000_000, "USD", 40_000_000).Count("300 engineers", 300, "engineers")
            .Quote("a step that doubles our reach", description: "the buyer").Quote("every office stays open", description: "its chief").Build();
        var b = StoryDoc.Of("Brightwater Labs was bought by Norvale Systems, the company said.", "b", "Valley Post", Day.AddHours(5))
            .Org("Norvale Systems").Org("Brightwater Labs").Build();
        return new DossierBuilder().Build(StoryOf.Documents(a, b), [a, b]);
    }

    [Fact]
    public void The_json_names_the_statement_of_a_figure_and_of_a_quote_and_null_elsewhere()
    {
        var root = JsonDocument.Parse(DossierJson.ToJson(Dossier())).RootElement;

        var id = root.GetProperty("statements")[0].GetProperty("id").GetString();
        var claims = root.GetProperty("claims").EnumerateArray().ToList();
        Assert.Equal(id, claims.Single(c => c.GetProperty("kind").GetString() == "money").GetProperty("statements")[0].GetProperty("statement").GetString());
        Assert.Equal(JsonValueKind.Null, claims.Single(c => c.GetProperty("kind").GetString() == "count").GetProperty("statements")[0].GetProperty("statement").ValueKind);
        var quotes = root.GetProperty("quotes").EnumerateArray().ToList();
        Assert.Equal(id, quotes.Single(q => q.GetProperty("text").GetString()!.Contains("doubles", StringComparison.Ordinal)).GetProperty("statement").GetString());
        Assert.Equal(JsonValueKind.Null, quotes.Single(q => q.GetProperty("text").GetString()!.Contains("office", StringComparison.Ordinal)).GetProperty("statement").ValueKind);
    }

    [Fact]
    public void The_markdown_and_html_list_under_a_statement_only_what_it_carries()
    {
        var dossier = Dossier();

        foreach (var report in new[] { DossierMarkdown.ToMarkdown(dossier), DossierHtml.ToHtml(dossier) })
        {
            // The carries line alone: in the page it is one element of the statement's line, up to its closing tag.
            var start = report.IndexOf("carries: ", StringComparison.Ordinal);
            Assert.True(start >= 0, "no carries line");
            var end = report.IndexOfAny(['\n', '<'], start);
            var carries = System.Net.WebUtility.HtmlDecode(report[start..end]);
            Assert.Equal(-1, report.IndexOf("carries: ", end, StringComparison.Ordinal));
            Assert.Contains("40", carries, StringComparison.Ordinal);
            Assert.Contains("doubles our reach", carries, StringComparison.Ordinal);
            Assert.DoesNotContain("300", carries, StringComparison.Ordinal);
            Assert.DoesNotContain("office", carries, StringComparison.Ordinal);
        }
    }
}
