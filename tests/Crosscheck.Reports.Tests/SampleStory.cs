using Crosscheck.Core.Model;
using Crosscheck.Testing;

namespace Crosscheck.Reports.Tests;

/// <summary>A small invented story exercising every dossier section, shared by the report tests.</summary>
internal static class SampleStory
{
    public static (Story Story, Document[] Documents) Build()
    {
        var a = StoryDoc.Of(
            "Harbour Minister Lena Hartmann said on 4 March 2024 that the Nordvik Group would send 600 instructors, the Associated Press reported.\n\n" +
            "\"We will not accept any deal that leaves the north undefended,\" Hartmann said.",
            "a", "Harbour Times", title: "Nordvik to send instructors")
            .Person("Lena Hartmann", role: "minister").Person("Hartmann").Org("Nordvik Group")
            .Count("600 instructors", 600, "instructors").Time("4 March 2024", "2024-03-04")
            .Cite("the Associated Press", "Associated Press")
            .Quote("We will not accept any deal that leaves the north undefended,", "Hartmann").Build();
        var b = StoryDoc.Of(
            "About 600 Nordvik trainers will arrive, according to AP. The group will be paid $2 million a month.",
            "b", "Daily Ledger", title: "Trainers to arrive")
            .Org("Nordvik").Count("About 600 Nordvik trainers", 600, "trainers", Qualifier.About)
            .Money("$2 million", 2e6, "USD", 2e6, "per month").Cite("according to AP", "AP").Build();
        var c = StoryDoc.Of(
            "Officials <script>alert('x')</script> deny the Nordvik Group deal. <img src=x onerror=alert(1)>",
            "c", "Valley <b>News</b>", title: "Deal denied <script>")
            .Org("Nordvik Group").Build();
        return (new Story { Id = "story-7", Title = "Nordvik instructors", ArticleIds = ["a", "b", "c"] }, [a, b, c]);
    }

    /// <summary>The dossier as the Markdown and the HTML report write it.</summary>
    public static (string Markdown, string Html) Reports(Dossier dossier)
    {
        var markdown = new StringWriter();
        DossierMarkdown.Write(dossier, markdown);
        return (markdown.ToString(), DossierHtml.ToHtml(dossier));
    }
}
