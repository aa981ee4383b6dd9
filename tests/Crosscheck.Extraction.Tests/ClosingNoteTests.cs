namespace Crosscheck.Extraction.Tests;

/// <summary>The note about an article's writer or publisher that closes it is the site's template, not the article.</summary>
public class ClosingNoteTests
{
    private static readonly ArticleExtractor Extractor = new(new ExtractionOptions { UseSmartReaderFallback = false });

    [Fact]
    public void A_closing_note_about_the_writer_goes_with_its_heading()
    {
        var html = TestInputs.Page("<article><h1>Inflation slows</h1>" + TestInputs.Paragraphs +
            "<h3>About the author</h3><p>Mara Quillfeather is a freelance economics writer who has covered prices and wages for twelve years, and lives by the sea.</p></article>");

        var article = Extractor.Extract(TestInputs.Html(html));

        Assert.Contains("some now think the central bank could cut interest rates", article.Body);
        Assert.DoesNotContain("freelance economics writer", article.Body);
        Assert.DoesNotContain("About the author", article.Body);
    }

    [Fact]
    public void A_note_with_the_writers_title_goes_and_the_name_line_before_it_too()
    {
        var kept = Html.HtmlContentExtractor.WithoutClosingNote(
            ["First paragraph of the story.", "Last paragraph of the story.", "Ravi Ostrander", "Ravi Ostrander, MD, is a physician at a city hospital."]);

        Assert.Equal(["First paragraph of the story.", "Last paragraph of the story."], kept);
    }

    [Fact]
    public void A_note_on_a_doctor_goes_with_what_follows_it()
    {
        var kept = Html.HtmlContentExtractor.WithoutClosingNote(
            ["First paragraph of the story.", "Dr. Ravi Ostrander is a physician at a city hospital.", "Follow us"]);

        Assert.Equal(["First paragraph of the story."], kept);
    }

    [Fact]
    public void A_closing_sentence_about_a_thing_or_one_far_from_the_end_stays()
    {
        List<string> story = ["Oren Valdt is a retired teacher who found the coins in his garden.", "He handed them to the museum.", "Experts dated them to the second century.",
            "They go on show next month.", "The Town Council is the owner of the museum's building."];

        Assert.Equal(story, Html.HtmlContentExtractor.WithoutClosingNote(story));
    }

    [Fact]
    public void A_page_that_is_only_a_note_about_someone_keeps_it()
    {
        List<string> profile = ["About Mira Tolk", "Mira Tolk is a science writer covering rivers, weather and the people who study them."];

        Assert.Equal(profile, Html.HtmlContentExtractor.WithoutClosingNote(profile));
    }
}
