using Crosscheck.Core.Model;

namespace Crosscheck.Extraction.Tests;

public class PlainTextExtractionTests
{
    private static readonly ArticleExtractor Extractor = new();

    [Fact]
    public void First_line_is_the_title_and_not_part_of_the_body()
    {
        var article = Extractor.Extract(TestInputs.Text(
            "Storm cuts power to thousands\n\nAbout 40,000 homes lost power on Sunday as winds of up to 120 km/h swept the coast.\n\nCrews expect to restore most connections by Tuesday."));

        Assert.Equal("Storm cuts power to thousands", article.Title);
        Assert.Equal("About 40,000 homes lost power on Sunday as winds of up to 120 km/h swept the coast.\n\nCrews expect to restore most connections by Tuesday.", article.Body);
    }

    [Fact]
    public void Teaser_headlines_before_the_article_are_dropped()
    {
        var article = Extractor.Extract(TestInputs.Text(string.Join("\n\n",
            "Minister resigns over housing scandal",
            "More from politics",
            "Parliament Debates Pension Reform Bill",
            "Members of parliament will vote on the proposal next...",
            "Opposition Calls For Early Election",
            "The leader of the largest opposition party said...",
            "The housing minister resigned on Thursday after a report found that contracts worth 300 million had been awarded without a tender.",
            "She denied any wrongdoing.")));

        Assert.DoesNotContain("Pension", article.Body);
        Assert.DoesNotContain("next...", article.Body);
        Assert.StartsWith("The housing minister resigned", article.Body);
        Assert.EndsWith("She denied any wrongdoing.", article.Body);
    }

    [Fact]
    public void Short_real_paragraphs_and_quotes_survive()
    {
        var article = Extractor.Extract(TestInputs.Text(string.Join("\n\n",
            "Talks collapse in the early hours",
            "Negotiators left the building shortly after 3 a.m. without a statement, according to two people present at the talks.",
            "“Is this the end?”",
            "Not yet.",
            "A new round is planned for next week, a government spokesman said on Friday morning.")));

        Assert.Contains("“Is this the end?”", article.Paragraphs);
        Assert.Contains("A new round is planned for next week, a government spokesman said on Friday morning.", article.Paragraphs);
    }

    [Fact]
    public void Run_on_headline_list_after_article_is_dropped()
    {
        var article = Extractor.Extract(TestInputs.Text(string.Join("\n\n",
            "Rail strike called off",
            "The train drivers' union called off Monday's strike after the operator improved its pay offer, the union said late on Saturday.",
            "Trending",
            "Stadium Plans Approved By CouncilLocal Choir Wins Gold In ViennaPolice Appeal For Witnesses After CrashSchool Meals To Be Free From January")));

        Assert.DoesNotContain("Stadium", article.Body);
        Assert.DoesNotContain("Trending", article.Body);
    }

    [Fact]
    public void Comment_form_and_notices_are_dropped()
    {
        var article = Extractor.Extract(TestInputs.Text(string.Join("\n\n",
            "Museum reopens after renovation",
            "The city museum reopened on Saturday after a two-year renovation that cost 18 million euros and added a new wing for modern art.",
            "Visitors queued for more than an hour to get in.",
            "Post a comment",
            "Please log in to your account to join the discussion.",
            "Subscribe to our newsletter")));

        Assert.Equal(2, article.Paragraphs.Count());
        Assert.DoesNotContain("comment", article.Body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Quoted_speech_that_mentions_email_is_kept()
    {
        var article = Extractor.Extract(TestInputs.Text(string.Join("\n\n",
            "Bank warns of phishing wave",
            "The central bank warned customers on Wednesday about a wave of fake messages asking for account details.",
            "“Please never answer an email that asks for your password,” said the bank's head of security.")));

        Assert.Contains("“Please never answer an email that asks for your password,” said the bank's head of security.", article.Paragraphs);
    }

    [Fact]
    public void Date_line_with_year_becomes_dateline_metadata()
    {
        var article = Extractor.Extract(TestInputs.Text(
            "Harvest starts early\n\nPublished: 14 September 2022, 10:15\n\nGrape picking began in the south on Monday, three weeks ahead of the usual calendar."));

        Assert.NotNull(article.Published);
        Assert.Equal(new DateTimeOffset(2022, 9, 14, 0, 0, 0, TimeSpan.Zero), article.Published.Value);
        Assert.Equal("dateline", article.Published.Source);
        Assert.DoesNotContain("2022", article.Body);
    }

    [Fact]
    public void Date_line_without_year_or_weekday_stays_unresolved_with_a_diagnostic()
    {
        var article = Extractor.Extract(TestInputs.Text(
            "Harvest starts early\n\nSeptember 12\n\nGrape picking began in the south on Monday, three weeks ahead of the usual calendar."));

        Assert.Null(article.Published);
        Assert.Contains(article.Diagnostics, d => d.Message.Contains("no year", StringComparison.Ordinal));
        Assert.DoesNotContain("September 12", article.Body);
    }

    [Theory]
    [InlineData("Monday, September 12", "2024-06-01", "2022-09-12")]
    [InlineData("Friday, March 3", "2024-06-01", "2023-03-03")]
    [InlineData("Fri, March 3", "2023-03-03", "2023-03-03")]
    [InlineData("Sunday, March 3", "2024-06-01", "2024-03-03")]
    public void The_weekday_of_a_date_line_without_year_pins_the_latest_fitting_year_up_to_the_fetch_date(string line, string fetched, string expected)
    {
        var input = TestInputs.Bytes(System.Text.Encoding.UTF8.GetBytes(
                $"Harvest starts early\n\n{line}\n\nGrape picking began in the south on Monday, three weeks ahead of the usual calendar."),
            RawKind.Text, hints: new IngestHints { Fetched = DateTimeOffset.Parse(fetched, System.Globalization.CultureInfo.InvariantCulture) });

        var article = Extractor.Extract(input);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), article.Published!.Value);
        Assert.Equal("dateline, year from weekday", article.Published.Source);
        Assert.DoesNotContain(line, article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Hints_fill_what_text_lacks()
    {
        var published = new DateTimeOffset(2021, 5, 3, 12, 0, 0, TimeSpan.Zero);
        var input = TestInputs.Bytes("Bridge opens\n\nThe new bridge opened to traffic on Monday after four years of work."u8.ToArray(),
            RawKind.Text, hints: new IngestHints { Published = published, Outlet = "Harbour Daily", Url = "https://harbour.example/bridge" });

        var article = Extractor.Extract(input);

        Assert.Equal(published, article.Published!.Value);
        Assert.Equal("hint", article.Published.Source);
        Assert.Equal("Harbour Daily", article.Outlet);
        Assert.Equal("https://harbour.example/bridge", article.Url);
    }

    [Fact]
    public void Wrapped_lines_are_joined_into_one_paragraph()
    {
        var article = Extractor.Extract(TestInputs.Text(
            "Fishermen protest quotas\n\nHundreds of fishermen blocked the harbour entrance on\nThursday to protest against new catch quotas set by the\nministry.\n\nThe blockade ended in the evening."));

        Assert.Equal("Hundreds of fishermen blocked the harbour entrance on Thursday to protest against new catch quotas set by the ministry.", article.Paragraphs.First());
    }

    [Fact]
    public void Text_without_any_prose_keeps_its_lines_and_says_so()
    {
        var article = Extractor.Extract(TestInputs.Text("Results\n\nNorth 3 South 1\n\nEast 0 West 0"));

        Assert.Contains("North 3 South 1", article.Body);
        Assert.Contains(article.Diagnostics, d => d.Message.Contains("no prose", StringComparison.Ordinal));
    }
}
