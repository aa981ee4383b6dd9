using Crosscheck.Annotation.Quantities;
using Crosscheck.Annotation.Tests.Claims;
using Crosscheck.Core.Model;
using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Annotation.Tests.Quantities;

/// <summary>
/// Numbers and money written the way French, Spanish, German, Russian and Chinese write them, read by the
/// locale-number and locale-money rules because the document says which language it is in.
/// </summary>
public class LocaleQuantityTests
{
    internal static Quantity[] Run(string text, string language)
    {
        // Each case is one sentence; the test splitter would end one at "Mio. Euro".
        var document = ClaimDocs.Plain(text);
        document.Sentences = [new Sentence(new TextSpan(0, text.Length))];
        document.Article.Language = language;
        new QuantityRecognizer().Process(document);
        LayerAssert.SpansWellFormed(document);
        return document.Quantities;
    }

    private static void One(string language, string text, double value, string? unit, string rule)
    {
        var quantity = Assert.Single(Run(text, language));
        Assert.Equal(value, quantity.Value, 6);
        Assert.Equal(unit, quantity.Unit);
        Assert.Equal(rule, quantity.Rule);
    }

    [Theory]
    [InlineData("Le projet coûtera 6 milliards de francs CFA.", 6e9, "XOF", "locale-money")]
    [InlineData("La ville a reçu 10,8 millions d'euros.", 10.8e6, "EUR", "locale-money")]
    [InlineData("La facture s'élève à 1 000 euros.", 1000, "EUR", "locale-money")]
    [InlineData("Le billet coûte 12,50 €.", 12.5, "EUR", "locale-money")]
    [InlineData("Le contrat vaut 2,5 milliards de dollars.", 2.5e9, "USD", "locale-money")]
    [InlineData("Une amende de 300 000 FCFA a été infligée.", 300000, "XOF", "locale-money")]
    [InlineData("Il a payé 45 francs CFA le kilo.", 45, "XOF", "locale-money")]
    [InlineData("Le budget atteint 3 Mds d'euros.", 3e9, "EUR", "locale-money")]
    [InlineData("Elle a emprunté 1.000,5 euros.", 1000.5, "EUR", "locale-money")]
    [InlineData("La vente a rapporté 20 000 livres sterling.", 20000, "GBP", "locale-money")]
    [InlineData("Plus de 1 000 manifestants ont défilé.", 1000, null, "locale-number")]
    [InlineData("La population compte 10,8 millions d'habitants.", 10.8e6, null, "locale-number")]
    [InlineData("Le chômage a atteint 7,3 % en mars.", 7.3, "%", "locale-number")]
    [InlineData("Les prix ont augmenté de 4 pour cent.", 4, "%", "locale-number")]
    [InlineData("Environ 250 000 personnes sont déplacées.", 250000, null, "locale-number")]
    [InlineData("Le pays a perdu 6 milliards en recettes.", 6e9, null, "locale-number")]
    public void French(string text, double value, string? unit, string rule) => One("fr", text, value, unit, rule);

    [Theory]
    [InlineData("El gobierno invertirá 10 millones de dólares.", 10e6, "USD", "locale-money")]
    [InlineData("La empresa ganó 1.500 millones de euros.", 1.5e9, "EUR", "locale-money")]
    [InlineData("El rescate costó 6.000 millones de euros.", 6e9, "EUR", "locale-money")]
    [InlineData("La multa asciende a 2.500 euros.", 2500, "EUR", "locale-money")]
    [InlineData("El contrato vale 3,5 millones de dólares.", 3.5e6, "USD", "locale-money")]
    [InlineData("La entrada cuesta 15,50 €.", 15.5, "EUR", "locale-money")]
    [InlineData("Pagó 200 pesos mexicanos por el libro.", 200, "MXN", "locale-money")]
    [InlineData("El fondo recibió 4 mil millones de dólares.", 4e9, "USD", "locale-money")]
    [InlineData("Cobró 80 libras esterlinas por noche.", 80, "GBP", "locale-money")]
    [InlineData("Más de 1.000 personas marcharon.", 1000, null, "locale-number")]
    [InlineData("La ciudad tiene 3,2 millones de habitantes.", 3.2e6, null, "locale-number")]
    [InlineData("El paro bajó al 12,5 %.", 12.5, "%", "locale-number")]
    [InlineData("Los precios subieron un 3 por ciento.", 3, "%", "locale-number")]
    [InlineData("Unos 25.000 soldados fueron desplegados.", 25000, null, "locale-number")]
    [InlineData("La población supera los 47 millones.", 47e6, null, "locale-number")]
    public void Spanish(string text, double value, string? unit, string rule) => One("es", text, value, unit, rule);

    [Theory]
    [InlineData("Der Konzern zahlt 1,2 Mio. Euro.", 1.2e6, "EUR", "locale-money")]
    [InlineData("Das Paket kostet 6 Milliarden Euro.", 6e9, "EUR", "locale-money")]
    [InlineData("Die Strafe beträgt 1.000,50 Euro.", 1000.5, "EUR", "locale-money")]
    [InlineData("Der Auftrag ist 3,5 Mrd. Dollar wert.", 3.5e9, "USD", "locale-money")]
    [InlineData("Die Karte kostet 49 €.", 49, "EUR", "locale-money")]
    [InlineData("Er verdiente 250.000 Franken im Jahr.", 250000, "CHF", "locale-money")]
    [InlineData("Die Firma meldet 12 Millionen US-Dollar Gewinn.", 12e6, "USD", "locale-money")]
    [InlineData("Er schuldet ihr 800 Pfund.", 800, "GBP", "locale-money")]
    [InlineData("Gefordert werden 2,4 Millionen Euro.", 2.4e6, "EUR", "locale-money")]
    [InlineData("Rund 10.000 Menschen demonstrierten.", 10000, null, "locale-number")]
    [InlineData("Die Stadt hat 1,8 Millionen Einwohner.", 1.8e6, null, "locale-number")]
    [InlineData("Die Inflation lag bei 2,9 %.", 2.9, "%", "locale-number")]
    [InlineData("Die Löhne stiegen um 5 Prozent.", 5, "%", "locale-number")]
    [InlineData("Etwa 3 Tausend Soldaten sind dort.", 3000, null, "locale-number")]
    [InlineData("Das Land zählt 83,2 Mio. Menschen.", 83.2e6, null, "locale-number")]
    public void German(string text, double value, string? unit, string rule) => One("de", text, value, unit, rule);

    [Theory]
    [InlineData("Бюджет получит 6 млрд рублей.", 6e9, "RUB", "locale-money")]
    [InlineData("Компания заплатила 1 000 рублей штрафа.", 1000, "RUB", "locale-money")]
    [InlineData("Сделка оценивается в 2,5 млрд долларов.", 2.5e9, "USD", "locale-money")]
    [InlineData("Штраф составил 300 тыс. руб.", 300000, "RUB", "locale-money")]
    [InlineData("Проект стоит 10 миллионов евро.", 10e6, "EUR", "locale-money")]
    [InlineData("Билет стоит 500 ₽.", 500, "RUB", "locale-money")]
    [InlineData("Он получил 15 000 долларов.", 15000, "USD", "locale-money")]
    [InlineData("Кредит составил 1,5 млн рублей.", 1.5e6, "RUB", "locale-money")]
    [InlineData("Ущерб оценили в 40 миллиардов рублей.", 40e9, "RUB", "locale-money")]
    [InlineData("В акции участвовали 10 000 человек.", 10000, null, "locale-number")]
    [InlineData("Население составляет 146,2 млн человек.", 146.2e6, null, "locale-number")]
    [InlineData("Инфляция достигла 7,4 %.", 7.4, "%", "locale-number")]
    [InlineData("Зарплаты выросли на 12 процентов.", 12, "%", "locale-number")]
    [InlineData("Эвакуировали около 3 тысяч жителей.", 3000, null, "locale-number")]
    [InlineData("Город потерял 1 200 000 жителей.", 1200000, null, "locale-number")]
    public void Russian(string text, double value, string? unit, string rule) => One("ru", text, value, unit, rule);

    [Theory]
    [InlineData("该项目投资三千亿美元。", 3e11, "USD", "locale-money")]
    [InlineData("公司支付了6亿美元。", 6e8, "USD", "locale-money")]
    [InlineData("政府拨款50万元。", 5e5, "CNY", "locale-money")]
    [InlineData("罚款1,000元。", 1000, "CNY", "locale-money")]
    [InlineData("合同价值2.5亿欧元。", 2.5e8, "EUR", "locale-money")]
    [InlineData("他借了一万美元。", 1e4, "USD", "locale-money")]
    [InlineData("损失达一亿五千万人民币。", 1.5e8, "CNY", "locale-money")]
    [InlineData("门票售价¥80。", 80, "CNY", "locale-money")]
    [InlineData("俄罗斯拨出10亿卢布。", 1e9, "RUB", "locale-money")]
    [InlineData("约三千名士兵参加。", 3000, null, "locale-number")]
    [InlineData("该市人口为1,200万。", 1.2e7, null, "locale-number")]
    [InlineData("通胀率为2.5%。", 2.5, "%", "locale-number")]
    [InlineData("已有十万居民撤离。", 1e5, null, "locale-number")]
    [InlineData("工资上涨了12％。", 12, "%", "locale-number")]
    [InlineData("共有两千五百人受伤。", 2500, null, "locale-number")]
    public void Chinese(string text, double value, string? unit, string rule) => One("zh", text, value, unit, rule);

    [Theory]
    [InlineData("fr", "En 2019, la loi a changé.")]
    [InlineData("de", "Der Vertrag wurde 2015 unterzeichnet.")]
    [InlineData("zh", "我们一起统一行动。")]
    [InlineData("ru", "Вирус COVID-19 распространился.")]
    public void Years_codes_and_words_with_a_numeral_inside_are_no_quantity(string language, string text) => Assert.Empty(Run(text, language));

    [Fact]
    public void English_documents_keep_the_english_reading()
    {
        // "1,000" is a thousand in English; the German reading would make it one.
        var quantity = Assert.Single(Run("Officials said 1,000 soldiers arrived.", "en"));
        Assert.Equal(1000, quantity.Value);
        Assert.Equal("number", quantity.Rule);
    }

    [Fact]
    public void Money_in_a_locale_is_normalised_to_dollars()
    {
        var quantity = Assert.Single(Run("Le projet coûtera 655 957 francs CFA.", "fr"));
        Assert.NotNull(quantity.Normalized);
        Assert.InRange(quantity.Normalized!.Value, 900, 1500);
    }
}
