namespace Crosscheck.Extraction.Tests;

/// <summary>
/// What follows an article's text without being its text: its list of works cited, the notes about its writer and
/// reviewer; and a template's placeholder text on any page.
/// </summary>
public class ArticleApparatusTests
{
    private static readonly ArticleExtractor Extractor = new(new ExtractionOptions { UseSmartReaderFallback = false });

    private const string FirstCitation = "Marlow T, Quenby RS. Sleep and river noise in small towns. J Acoust Habits. 2019;12(3):45-52. doi: 10.0000/jah.2019.045";
    private const string SecondCitation = "Ostrava, P. (2021). Night walks and morning moods. Lakeside University Press.";

    [Fact]
    public void A_reference_list_goes_with_its_heading_and_what_follows_it_stays()
    {
        var kept = Html.HtmlContentExtractor.WithoutReferenceList(
            ["The study followed forty walkers for a year.", "References", FirstCitation, "Further reading", SecondCitation, "Share your own walking story below."]);

        Assert.Equal(["The study followed forty walkers for a year.", "Share your own walking story below."], kept);
    }

    [Fact]
    public void A_sources_heading_over_prose_and_a_citation_inside_the_text_stay()
    {
        List<string> story = ["Marlow and Quenby found the same in 2019 (J Acoust Habits 12(3):45-52), the study says.", "Sources",
            "We spoke to six walkers and two doctors for this story, and read the council's own noise survey."];

        Assert.Equal(story, Html.HtmlContentExtractor.WithoutReferenceList(story));
    }

    [Fact]
    public void A_page_that_is_only_a_reference_list_keeps_it()
    {
        List<string> bibliography = ["Bibliography", FirstCitation, SecondCitation];

        Assert.Equal(bibliography, Html.HtmlContentExtractor.WithoutReferenceList(bibliography));
    }

    [Fact]
    public void An_articles_works_cited_are_not_in_its_body()
    {
        var html = TestInputs.Page("<article><h1>Walking at night</h1>" + TestInputs.Paragraphs +
            $"<h2>References</h2><ol><li>{FirstCitation}</li><li>{SecondCitation}</li></ol></article>");

        var article = Extractor.Extract(TestInputs.Html(html));

        Assert.Contains("some now think the central bank could cut interest rates", article.Body);
        Assert.DoesNotContain("Sleep and river noise", article.Body);
        Assert.DoesNotContain("Night walks and morning moods", article.Body);
    }

    [Fact]
    public void Notes_about_the_writer_and_the_reviewer_far_from_the_end_go_from_their_heading()
    {
        var kept = Html.HtmlContentExtractor.WithoutClosingNote(
            ["First paragraph of the story.", "Last paragraph of the story.", "About the Author", "Ines Harrowgate is the deputy editor of a health letter.",
             "About the Reviewer", "Tomas Evenrud, MD", "Dr. Tomas Evenrud is a physician who reviews the letter's articles.", "Disclaimer:",
             "This archive is kept for reference.", "Nothing here replaces a doctor's advice."]);

        Assert.Equal(["First paragraph of the story.", "Last paragraph of the story."], kept);
    }

    [Fact]
    public void An_about_heading_without_a_note_about_someone_under_it_stays()
    {
        List<string> story = ["First paragraph of the story.", "About the author", "She wrote the book in a caravan over two winters.",
            "It sold well.", "A sequel is planned.", "Readers can write to the publisher."];

        Assert.Equal(story, Html.HtmlContentExtractor.WithoutClosingNote(story));
    }

    [Fact]
    public void Placeholder_text_goes_and_a_sentence_about_it_stays()
    {
        var kept = Html.HtmlContentExtractor.WithoutPlaceholderText(
            ["Our new studio opens in May.", "Lorem ipsum dolor sit amet, consectetur adipiscing elit.", "Lorem ipsum 2", "Lorem ipsum is the filler text designers use before the words arrive."]);

        Assert.Equal(["Our new studio opens in May.", "Lorem ipsum is the filler text designers use before the words arrive."], kept);
    }

    [Fact]
    public void A_page_of_placeholder_text_only_keeps_it()
    {
        List<string> page = ["Lorem ipsum", "Lorem ipsum dolor sit amet."];

        Assert.Equal(page, Html.HtmlContentExtractor.WithoutPlaceholderText(page));
    }
}
