namespace Crosscheck.Extraction.Tests;

/// <summary>
/// Service pages and documents: the parts the page puts in its main element are its content, though no one container
/// holds them and the region's weights would leave some out (a hero beside the sections, a table beside the text).
/// </summary>
public class MainElementTests
{
    private static readonly ArticleExtractor Extractor = new(new ExtractionOptions { UseSmartReaderFallback = false });

    private const string SiteMenu =
        "<header><ul><li><a href='/'>Home</a></li><li><a href='/plans'>Plans</a></li><li><a href='/help'>Help centre</a></li></ul></header>";

    private static string Section(string name, string text) =>
        $"<section class='block'><div class='container'><div class='row'><div class='col'><h2>{name}</h2><p>{text}</p></div></div></div></section>";

    /// <summary>
    /// A service page whose hero sits beside the wrapper of its services, and whose main element ends with a list of
    /// linked guides: the links weigh against the main element, so the services' wrapper alone outweighs it.
    /// </summary>
    private static string PestControlPage(string mainElement) => TestInputs.Page(SiteMenu + $"<{mainElement}>" +
        "<section class='intro'><div class='lead'><p>Pests gone in two visits, guaranteed.</p><p>Safe for children and pets.</p><p>Thirty years in Millbrook.</p></div></section>" +
        "<div class='services'>" +
        Section("Ant control", "Ants follow the same trails every day, so we treat the trails and the nests at their source, inside and outside, and most colonies are gone within two weeks.") +
        Section("Rodent control", "Mice and rats get in through gaps the width of a pencil, so we seal every gap we find, set traps where they run, and come back twice to check the house is clear.") +
        Section("Termite control", "Termites eat wood from the inside, so we test the frame of the house for moisture and damage, and lay a barrier in the ground that keeps them out for years.") +
        "</div>" +
        "<div class='guides'><ul>" + string.Concat(Enumerable.Range(1, 8).Select(i => $"<li><a href='/guides/{i}'>Our guide number {i} to keeping a house free of pests all year round</a></li>")) + "</ul></div>" +
        $"</{mainElement.Split(' ')[0]}>" +
        "<div class='legal'><p>Millbrook Pest Control Ltd is registered in the county, company number on request, and answers every complaint within a week of receiving it.</p></div>");

    [Theory]
    [InlineData("main", true)]
    [InlineData("div role='main'", true)]
    [InlineData("div class='page'", false)]
    public void A_service_page_keeps_every_part_of_its_main_element_and_drops_its_links_and_what_lies_outside(string mainElement, bool isMain)
    {
        var article = Extractor.Extract(TestInputs.Html(PestControlPage(mainElement), "https://pests.example/services/pest-control-millbrook"));

        Assert.Equal(Core.Model.PageType.Service, article.PageType);
        Assert.Contains("treat the trails and the nests", article.Body);
        Assert.Contains("lay a barrier in the ground", article.Body);
        // Without a main element the page does not say where its content is: the services' wrapper stays the region.
        Assert.Equal(isMain, article.Body.Contains("Pests gone in two visits", StringComparison.Ordinal));
        Assert.Equal(isMain, article.Body.Contains("Safe for children and pets", StringComparison.Ordinal));
        Assert.DoesNotContain("Our guide number", article.Body);
        Assert.DoesNotContain("Help centre", article.Body);
        Assert.DoesNotContain("answers every complaint", article.Body);
    }

    [Fact]
    public void An_article_keeps_its_own_container_inside_its_main_element()
    {
        // The same layout on a news page: the teaser lines beside the story are the site's, not the story's.
        var html = TestInputs.Page(SiteMenu + "<main>" +
            "<section class='intro'><div class='lead'><p>Read more from our city desk today.</p><p>Sign up for the morning letter.</p><p>Listen to the daily podcast.</p></div></section>" +
            "<div class='story'>" +
            "<p>The council of Millbrook voted on Tuesday to close the old bridge over the river for repairs, after engineers found cracks in two of its supports during a routine inspection last month.</p>" +
            "<p>Traffic will be sent over the new bridge to the north for at least six months, and the bus company said its routes through the town centre would take about ten minutes longer while the works last.</p>" +
            "<p>Shop owners near the bridge asked the council to pay for signs pointing drivers to the car parks that stay open, and the mayor said a plan for the signs would be ready within two weeks.</p>" +
            "</div></main>");

        var article = Extractor.Extract(TestInputs.Html(html, "https://news.example/2024/05/14/millbrook-closes-old-bridge-for-repairs"));

        Assert.Equal(Core.Model.PageType.Article, article.PageType);
        Assert.Contains("voted on Tuesday to close the old bridge", article.Body);
        Assert.Contains("signs pointing drivers", article.Body);
        Assert.DoesNotContain("Read more from our city desk", article.Body);
    }
}
