using Crosscheck.Annotation.Tests.Claims;
using Crosscheck.Annotation.Time;
using Crosscheck.Core.Model;
using Xunit;

namespace Crosscheck.Annotation.Tests.Time;

/// <summary>
/// Days, weekdays, weeks, months and dates in French, Spanish, German, Russian and Chinese, read because the
/// document says its language. Each case: the sentence, the value it resolves to against a Wednesday's
/// publication date, the rule that read it and the words it covers.
/// </summary>
public class LocaleTimeTests
{
    // A Wednesday (ISO week 38).
    private static readonly DateTimeOffset Published = new(2024, 9, 18, 10, 0, 0, TimeSpan.Zero);

    private static TimeExpression[] Run(string language, string text, DateTimeOffset? published)
    {
        var document = ClaimDocs.Plain(text, published);
        document.Sentences = [new Sentence(new TextSpan(0, text.Length))];
        document.Article.Language = language;
        new TimeExpressionRecognizer().Process(document);
        return document.TimeExpressions;
    }

    private static void One(string language, string text, string value, string rule, string spanText)
    {
        var found = Assert.Single(Run(language, text, Published));
        Assert.Equal(value, found.Value);
        Assert.Equal(rule, found.Rule);
        Assert.Equal(spanText, text[found.Span.Start..found.Span.End]);
    }

    [Theory]
    [InlineData("Le port a rouvert hier.", "2024-09-17", "LocaleDeictic", "hier")]
    [InlineData("Le vote a lieu aujourd'hui.", "2024-09-18", "LocaleDeictic", "aujourd'hui")]
    [InlineData("Il est arrivé avant-hier.", "2024-09-16", "LocaleDeictic", "avant-hier")]
    [InlineData("Le maire a parlé lundi.", "2024-09-16", "LocaleWeekday", "lundi")]
    [InlineData("Le drame s'est produit le samedi soir.", "2024-09-14", "LocaleWeekday", "le samedi")]
    [InlineData("Les ministres se sont réunis mardi dernier.", "2024-09-17", "LocaleWeekday", "mardi dernier")]
    [InlineData("Le sommet s'ouvrira lundi prochain.", "2024-09-23", "LocaleWeekday", "lundi prochain")]
    [InlineData("La grève a commencé la semaine dernière.", "2024-W37", "LocaleRelative", "la semaine dernière")]
    [InlineData("Les ventes ont chuté l'année dernière.", "2023", "LocaleRelative", "l'année dernière")]
    [InlineData("Le chantier reprendra le mois prochain.", "2024-10", "LocaleRelative", "le mois prochain")]
    [InlineData("Le pont a ouvert le 5 mai 2021.", "2021-05-05", "LocaleDayMonth", "5 mai 2021")]
    [InlineData("La loi date du 14 juillet.", "2024-07-14", "LocaleDayMonth", "14 juillet")]
    [InlineData("Le défilé du 1er mai a réuni la foule.", "2024-05-01", "LocaleDayMonth", "1er mai")]
    [InlineData("Le décret est daté du 05/03/2024.", "2024-03-05", "LocaleDigitDate", "05/03/2024")]
    [InlineData("L'usine a fermé en mars 2023.", "2023-03", "LocaleMonthYear", "mars 2023")]
    [InlineData("Les élections auront lieu en juin 2027.", "2027-06", "LocaleMonthYear", "juin 2027")]
    public void French(string text, string value, string rule, string span) => One("fr", text, value, rule, span);

    [Theory]
    [InlineData("El puerto cerró ayer.", "2024-09-17", "LocaleDeictic", "ayer")]
    [InlineData("La votación es hoy.", "2024-09-18", "LocaleDeictic", "hoy")]
    [InlineData("Los presos huyeron anteayer.", "2024-09-16", "LocaleDeictic", "anteayer")]
    [InlineData("El alcalde habló el lunes.", "2024-09-16", "LocaleWeekday", "el lunes")]
    [InlineData("Llegaron el viernes por la noche.", "2024-09-13", "LocaleWeekday", "el viernes")]
    [InlineData("La cumbre empieza el próximo lunes.", "2024-09-23", "LocaleWeekday", "el próximo lunes")]
    [InlineData("El ministro dimitió el martes pasado.", "2024-09-17", "LocaleWeekday", "el martes pasado")]
    [InlineData("Las lluvias comenzaron la semana pasada.", "2024-W37", "LocaleRelative", "la semana pasada")]
    [InlineData("La inflación subió el año pasado.", "2023", "LocaleRelative", "el año pasado")]
    [InlineData("El juicio comenzará el mes que viene.", "2024-10", "LocaleRelative", "el mes que viene")]
    [InlineData("El puente abrió el 5 de mayo de 2021.", "2021-05-05", "LocaleDayMonth", "5 de mayo de 2021")]
    [InlineData("La ley es del 3 de marzo.", "2024-03-03", "LocaleDayMonth", "3 de marzo")]
    [InlineData("La orden se firmó el 1º de julio.", "2024-07-01", "LocaleDayMonth", "1º de julio")]
    [InlineData("El decreto lleva fecha del 05/03/2024.", "2024-03-05", "LocaleDigitDate", "05/03/2024")]
    [InlineData("La fábrica cerró en marzo de 2023.", "2023-03", "LocaleMonthYear", "marzo de 2023")]
    [InlineData("Los comicios serán en junio de 2027.", "2027-06", "LocaleMonthYear", "junio de 2027")]
    public void Spanish(string text, string value, string rule, string span) => One("es", text, value, rule, span);

    [Theory]
    [InlineData("Der Hafen schloss gestern.", "2024-09-17", "LocaleDeictic", "gestern")]
    [InlineData("Die Wahl ist heute.", "2024-09-18", "LocaleDeictic", "heute")]
    [InlineData("Die Häftlinge flohen vorgestern.", "2024-09-16", "LocaleDeictic", "vorgestern")]
    [InlineData("Der Bürgermeister sprach am Montag.", "2024-09-16", "LocaleWeekday", "am Montag")]
    [InlineData("Die Polizei kam am Sonntag.", "2024-09-15", "LocaleWeekday", "am Sonntag")]
    [InlineData("Der Gipfel beginnt nächsten Montag.", "2024-09-23", "LocaleWeekday", "nächsten Montag")]
    [InlineData("Die Minister trafen sich letzten Dienstag.", "2024-09-17", "LocaleWeekday", "letzten Dienstag")]
    [InlineData("Der Streik begann letzte Woche.", "2024-W37", "LocaleRelative", "letzte Woche")]
    [InlineData("Die Preise stiegen im vergangenen Jahr.", "2023", "LocaleRelative", "im vergangenen Jahr")]
    [InlineData("Das Werk öffnet nächsten Monat.", "2024-10", "LocaleRelative", "nächsten Monat")]
    [InlineData("Die Brücke wurde am 3. März 2020 eröffnet.", "2020-03-03", "LocaleDayMonth", "3. März 2020")]
    [InlineData("Das Gesetz gilt seit 1. Juli.", "2024-07-01", "LocaleDayMonth", "1. Juli")]
    [InlineData("Der Bescheid ist auf den 05.03.2024 datiert.", "2024-03-05", "LocaleDigitDate", "05.03.2024")]
    [InlineData("Die Frist endet am 30.9.2024.", "2024-09-30", "LocaleDigitDate", "30.9.2024")]
    [InlineData("Die Brücke wurde im März 2020 eröffnet.", "2020-03", "LocaleMonthYear", "März 2020")]
    [InlineData("Die Wahl findet im Juni 2027 statt.", "2027-06", "LocaleMonthYear", "Juni 2027")]
    public void German(string text, string value, string rule, string span) => One("de", text, value, rule, span);

    [Theory]
    [InlineData("Порт закрыли вчера.", "2024-09-17", "LocaleDeictic", "вчера")]
    [InlineData("Встреча пройдёт завтра.", "2024-09-19", "LocaleDeictic", "завтра")]
    [InlineData("Заключённые бежали позавчера.", "2024-09-16", "LocaleDeictic", "позавчера")]
    [InlineData("Мэр выступил в понедельник.", "2024-09-16", "LocaleWeekday", "в понедельник")]
    [InlineData("Полиция прибыла в субботу.", "2024-09-14", "LocaleWeekday", "в субботу")]
    [InlineData("Соглашение подписали в четверг.", "2024-09-12", "LocaleWeekday", "в четверг")]
    [InlineData("Саммит откроется в следующий понедельник.", "2024-09-23", "LocaleWeekday", "в следующий понедельник")]
    [InlineData("Министры встречались в прошлую среду.", "2024-09-11", "LocaleWeekday", "в прошлую среду")]
    [InlineData("Забастовка началась на прошлой неделе.", "2024-W37", "LocaleRelative", "на прошлой неделе")]
    [InlineData("Цены выросли в прошлом году.", "2023", "LocaleRelative", "в прошлом году")]
    [InlineData("Завод откроется в следующем месяце.", "2024-10", "LocaleRelative", "в следующем месяце")]
    [InlineData("Мост открыли 5 мая 2021 года.", "2021-05-05", "LocaleDayMonth", "5 мая 2021")]
    [InlineData("Закон принят 12 июня.", "2024-06-12", "LocaleDayMonth", "12 июня")]
    [InlineData("Указ подписан 05.03.2024.", "2024-03-05", "LocaleDigitDate", "05.03.2024")]
    [InlineData("Завод закрылся в марте 2023 года.", "2023-03", "LocaleMonthYear", "марте 2023")]
    [InlineData("Выборы пройдут в июне 2027 года.", "2027-06", "LocaleMonthYear", "июне 2027")]
    public void Russian(string text, string value, string rule, string span) => One("ru", text, value, rule, span);

    [Theory]
    [InlineData("港口昨天关闭。", "2024-09-17", "LocaleDeictic", "昨天")]
    [InlineData("投票今天举行。", "2024-09-18", "LocaleDeictic", "今天")]
    [InlineData("囚犯前天逃跑。", "2024-09-16", "LocaleDeictic", "前天")]
    [InlineData("市长星期一发表讲话。", "2024-09-16", "LocaleWeekday", "星期一")]
    [InlineData("警方周五抵达。", "2024-09-13", "LocaleWeekday", "周五")]
    [InlineData("部长们上周三举行会谈。", "2024-09-11", "LocaleWeekday", "上周三")]
    [InlineData("峰会将于下周一开幕。", "2024-09-23", "LocaleWeekday", "下周一")]
    [InlineData("大会本周五闭幕。", "2024-09-20", "LocaleWeekday", "本周五")]
    [InlineData("罢工上周开始。", "2024-W37", "LocaleRelative", "上周")]
    [InlineData("物价去年上涨。", "2023", "LocaleRelative", "去年")]
    [InlineData("工厂下个月开工。", "2024-10", "LocaleRelative", "下个月")]
    [InlineData("大桥于5月3日开通。", "2024-05-03", "LocaleDayMonth", "5月3日")]
    [InlineData("法律9月1日生效。", "2024-09-01", "LocaleDayMonth", "9月1日")]
    [InlineData("协议于2024年3月5日签署。", "2024-03-05", "LocaleDigitDate", "2024年3月5日")]
    [InlineData("工厂在2023年3月关闭。", "2023-03", "LocaleDigitDate", "2023年3月")]
    [InlineData("该桥建于2013年。", "2013", "LocaleDigitDate", "2013年")]
    [InlineData("大桥于 5 月 3 日开通。", "2024-05-03", "LocaleDayMonth", "5 月 3 日")]
    [InlineData("协议于 2019 年 5 月 23 日签署。", "2019-05-23", "LocaleDigitDate", "2019 年 5 月 23 日")]
    [InlineData("工厂在 2023 年 3 月关闭。", "2023-03", "LocaleDigitDate", "2023 年 3 月")]
    public void Chinese(string text, string value, string rule, string span) => One("zh", text, value, rule, span);

    [Theory]
    [InlineData("fr", "Le port a rouvert hier.")]
    [InlineData("ru", "Мэр выступил в понедельник.")]
    [InlineData("zh", "部长们上周三举行会谈。")]
    public void Without_a_publication_date_the_day_stays_unknown(string language, string text)
    {
        var found = Assert.Single(Run(language, text, published: null));
        Assert.StartsWith("XXXX", found.Value, StringComparison.Ordinal);
        Assert.Equal(0f, found.Confidence);
    }

    [Theory]
    [InlineData("ru", "Забастовка началась на прошлой неделе.")]
    [InlineData("fr", "Les ventes ont chuté l'année dernière.")]
    [InlineData("zh", "工厂下个月开工。")]
    public void Without_a_publication_date_a_relative_week_month_or_year_is_not_read(string language, string text) =>
        Assert.Empty(Run(language, text, published: null));

    [Theory]
    [InlineData("fr", "Le mois de mars a été chaud.")]
    [InlineData("de", "Im Mai blühen die Bäume.")]
    [InlineData("es", "La nota fue de 12/20.")]
    [InlineData("ru", "Счёт матча 2.3.")]
    [InlineData("zh", "他上午到达。")]
    public void A_month_alone_or_digits_that_are_no_date_are_not_read(string language, string text) => Assert.Empty(Run(language, text, Published));

    [Fact]
    public void English_documents_do_not_read_french_words()
    {
        var document = ClaimDocs.Plain("The word hier means yesterday in French.", Published);
        document.Article.Language = "en";
        new TimeExpressionRecognizer().Process(document);
        Assert.DoesNotContain(document.TimeExpressions, t => t.Rule is "LocaleDeictic");
    }
}
