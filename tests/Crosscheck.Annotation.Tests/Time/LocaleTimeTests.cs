using Crosscheck.Annotation.Tests.Claims;
using Crosscheck.Annotation.Time;
using Crosscheck.Core.Model;
using Xunit;

namespace Crosscheck.Annotation.Tests.Time;

/// <summary>Days, weekdays and dates in French, Spanish, German, Russian and Chinese, read because the document says its language.</summary>
public class LocaleTimeTests
{
    // A Wednesday.
    private static readonly DateTimeOffset Published = new(2024, 9, 18, 10, 0, 0, TimeSpan.Zero);

    private static void One(string language, string text, string value, string rule, string? spanText = null)
    {
        var document = ClaimDocs.Plain(text, Published);
        document.Sentences = [new Sentence(new TextSpan(0, text.Length))];
        document.Article.Language = language;
        new TimeExpressionRecognizer().Process(document);
        var found = Assert.Single(document.TimeExpressions);
        Assert.Equal(value, found.Value);
        Assert.Equal(rule, found.Rule);
        if (spanText is not null) Assert.Equal(spanText, text[found.Span.Start..found.Span.End]);
    }

    [Theory]
    [InlineData("fr", "Le port a rouvert hier.", "2024-09-17", "hier")]
    [InlineData("fr", "Le vote a lieu aujourd'hui.", "2024-09-18", "aujourd'hui")]
    [InlineData("fr", "Il est arrivé avant-hier.", "2024-09-16", "avant-hier")]
    [InlineData("es", "El puerto cerró ayer.", "2024-09-17", "ayer")]
    [InlineData("es", "La votación es hoy.", "2024-09-18", "hoy")]
    [InlineData("de", "Der Hafen schloss gestern.", "2024-09-17", "gestern")]
    [InlineData("de", "Die Wahl ist heute.", "2024-09-18", "heute")]
    [InlineData("ru", "Порт закрыли вчера.", "2024-09-17", "вчера")]
    [InlineData("ru", "Встреча пройдёт завтра.", "2024-09-19", "завтра")]
    [InlineData("zh", "港口昨天关闭。", "2024-09-17", "昨天")]
    [InlineData("zh", "投票今天举行。", "2024-09-18", "今天")]
    public void Days_counted_from_the_publication_date(string language, string text, string value, string span) => One(language, text, value, "LocaleDeictic", span);

    [Theory]
    [InlineData("fr", "Le maire a parlé lundi.", "2024-09-16", "lundi")]
    [InlineData("fr", "Le drame s'est produit le samedi soir.", "2024-09-14", "le samedi")]
    [InlineData("es", "El alcalde habló el lunes.", "2024-09-16", "el lunes")]
    [InlineData("es", "Llegaron el viernes por la noche.", "2024-09-13", "el viernes")]
    [InlineData("de", "Der Bürgermeister sprach am Montag.", "2024-09-16", "am Montag")]
    [InlineData("de", "Die Polizei kam am Sonntag.", "2024-09-15", "am Sonntag")]
    [InlineData("ru", "Мэр выступил в понедельник.", "2024-09-16", "в понедельник")]
    [InlineData("ru", "Полиция прибыла в субботу.", "2024-09-14", "в субботу")]
    [InlineData("zh", "市长星期一发表讲话。", "2024-09-16", "星期一")]
    [InlineData("zh", "警方周五抵达。", "2024-09-13", "周五")]
    public void Weekdays_are_the_most_recent_such_day(string language, string text, string value, string span) => One(language, text, value, "LocaleWeekday", span);

    [Theory]
    [InlineData("fr", "Le pont a ouvert le 5 mai 2021.", "2021-05-05", "5 mai 2021")]
    [InlineData("fr", "La loi date du 14 juillet.", "2024-07-14", "14 juillet")]
    [InlineData("es", "El puente abrió el 5 de mayo de 2021.", "2021-05-05", "5 de mayo de 2021")]
    [InlineData("es", "La ley es del 3 de marzo.", "2024-03-03", "3 de marzo")]
    [InlineData("de", "Die Brücke wurde am 3. März 2020 eröffnet.", "2020-03-03", "3. März 2020")]
    [InlineData("de", "Das Gesetz gilt seit 1. Juli.", "2024-07-01", "1. Juli")]
    [InlineData("ru", "Мост открыли 5 мая 2021 года.", "2021-05-05", "5 мая 2021")]
    [InlineData("ru", "Закон принят 12 июня.", "2024-06-12", "12 июня")]
    [InlineData("zh", "大桥于5月3日开通。", "2024-05-03", "5月3日")]
    [InlineData("zh", "法律9月1日生效。", "2024-09-01", "9月1日")]
    public void Day_and_month_make_a_date(string language, string text, string value, string span) => One(language, text, value, "LocaleDayMonth", span);

    [Fact]
    public void English_documents_do_not_read_french_words()
    {
        var document = ClaimDocs.Plain("The word hier means yesterday in French.", Published);
        document.Article.Language = "en";
        new TimeExpressionRecognizer().Process(document);
        Assert.DoesNotContain(document.TimeExpressions, t => t.Rule is "LocaleDeictic");
    }
}
