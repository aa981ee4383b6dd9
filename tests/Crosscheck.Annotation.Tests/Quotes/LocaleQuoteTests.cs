using Crosscheck.Annotation.Quotes;
using Crosscheck.Annotation.Tests.Claims;
using Crosscheck.Core.Model;
using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Annotation.Tests.Quotes;

/// <summary>
/// Quotes with their speakers in French, Spanish, German, Russian and Chinese, read by the locale quote rules
/// (Quotes/Data/speech-xx.txt) because the document says its language. Each case: the sentence, a part of the
/// quote's content, the speaker as written and the rule.
/// </summary>
public class LocaleQuoteTests
{
    private static Document Run(string language, string text, params (string Name, EntityType Type, string? Role)[] mentions)
    {
        var document = ClaimDocs.With(text, null, mentions);
        document.Article.Language = language;
        new QuoteRecognizer().Process(document);
        LayerAssert.SpansWellFormed(document);
        return document;
    }

    private static void One(string language, string text, string content, string speaker, string rule)
    {
        var document = Run(language, text);
        var quote = Assert.Single(document.Quotes);
        Assert.Contains(content, document[quote.Span], StringComparison.Ordinal);
        Assert.Equal(speaker, QuoteTestDocs.SpeakerAsWritten(document, quote));
        Assert.Equal(rule, quote.Rule);
    }

    [Theory]
    [InlineData("« Nous reconstruirons le pont », a déclaré le maire.", "reconstruirons", "le maire", "LocaleQuoteThenCue")]
    [InlineData("« Les travaux dureront deux ans », a précisé Claire Martin.", "deux ans", "Claire Martin", "LocaleQuoteThenCue")]
    [InlineData("« La situation est grave », a averti le ministre de la Santé lors d'une conférence.", "grave", "le ministre de la Santé", "LocaleQuoteThenCue")]
    [InlineData("« Personne n'a été blessé », a ajouté le porte-parole mardi.", "blessé", "le porte-parole", "LocaleQuoteThenCue")]
    [InlineData("« Nous attendons des réponses », ont déclaré les familles des victimes.", "réponses", "les familles des victimes", "LocaleQuoteThenCue")]
    [InlineData("“Il faut agir vite”, a estimé l'économiste.", "agir vite", "l'économiste", "LocaleQuoteThenCue")]
    [InlineData("« Nous ne céderons pas », a-t-il déclaré.", "céderons", "il", "LocaleInversion")]
    [InlineData("« C'est une victoire », dit-elle.", "victoire", "elle", "LocaleInversion")]
    [InlineData("Le préfet a déclaré : « Les routes restent fermées. »", "routes", "Le préfet", "LocaleCueThenQuote")]
    [InlineData("Mardi, le maire a dit : « Le marché rouvrira. »", "marché", "le maire", "LocaleCueThenQuote")]
    [InlineData("La porte-parole du gouvernement a affirmé que les négociations continuaient.", "les négociations continuaient", "La porte-parole du gouvernement", "LocaleReported")]
    [InlineData("Le syndicat a annoncé qu'une grève aurait lieu.", "une grève aurait lieu", "Le syndicat", "LocaleReported")]
    [InlineData("L'entreprise explique que la hausse des coûts a pesé.", "la hausse des coûts", "L'entreprise", "LocaleReported")]
    [InlineData("Selon le procureur, trois suspects ont été arrêtés.", "trois suspects", "le procureur", "LocaleSourceFirst")]
    [InlineData("D'après le rapport, la dette a doublé.", "la dette a doublé", "le rapport", "LocaleSourceFirst")]
    [InlineData("Trois suspects ont été arrêtés, selon la police.", "Trois suspects", "la police", "LocaleSourceAfter")]
    [InlineData("« Le bilan est lourd », selon les secours.", "bilan", "les secours", "LocaleSourceAfter")]
    public void French(string text, string content, string speaker, string rule) => One("fr", text, content, speaker, rule);

    [Theory]
    [InlineData("«Vamos a reconstruir el puente», dijo el alcalde.", "reconstruir", "el alcalde", "LocaleQuoteThenCue")]
    [InlineData("«La situación es grave», afirmó María López.", "grave", "María López", "LocaleQuoteThenCue")]
    [InlineData("«No vamos a ceder», aseguró la ministra de Trabajo durante la rueda de prensa.", "ceder", "la ministra de Trabajo", "LocaleQuoteThenCue")]
    [InlineData("«Estamos agotados», dijo ella.", "agotados", "ella", "LocaleQuoteThenCue")]
    [InlineData("«Esperamos respuestas», afirmaron los familiares de las víctimas.", "respuestas", "los familiares de las víctimas", "LocaleQuoteThenCue")]
    [InlineData("“Hay que actuar rápido”, señaló el economista.", "actuar", "el economista", "LocaleQuoteThenCue")]
    [InlineData("\"Nadie resultó herido\", añadió el portavoz este martes.", "herido", "el portavoz", "LocaleQuoteThenCue")]
    [InlineData("«Es un día histórico», dice la alcaldesa.", "histórico", "la alcaldesa", "LocaleQuoteThenCue")]
    [InlineData("El presidente declaró: «Habrá elecciones en marzo».", "elecciones", "El presidente", "LocaleCueThenQuote")]
    [InlineData("La jueza explicó: «El caso sigue abierto».", "abierto", "La jueza", "LocaleCueThenQuote")]
    [InlineData("El portavoz dijo que las negociaciones continúan.", "las negociaciones continúan", "El portavoz", "LocaleReported")]
    [InlineData("La empresa anunció que cerrará dos fábricas.", "cerrará dos fábricas", "La empresa", "LocaleReported")]
    [InlineData("El sindicato advirtió que la huelga continuará.", "la huelga continuará", "El sindicato", "LocaleReported")]
    [InlineData("Según el fiscal, tres sospechosos fueron detenidos.", "tres sospechosos", "el fiscal", "LocaleSourceFirst")]
    [InlineData("De acuerdo con el informe, la deuda se duplicó.", "la deuda se duplicó", "el informe", "LocaleSourceFirst")]
    [InlineData("Tres sospechosos fueron detenidos, según la policía.", "Tres sospechosos", "la policía", "LocaleSourceAfter")]
    [InlineData("«El balance es grave», según los bomberos.", "balance", "los bomberos", "LocaleSourceAfter")]
    public void Spanish(string text, string content, string speaker, string rule) => One("es", text, content, speaker, rule);

    [Theory]
    [InlineData("„Wir werden die Brücke wieder aufbauen“, sagte der Bürgermeister.", "Brücke", "der Bürgermeister", "LocaleQuoteThenCue")]
    [InlineData("„Die Lage ist ernst“, erklärte Anna Schmidt.", "ernst", "Anna Schmidt", "LocaleQuoteThenCue")]
    [InlineData("„Wir geben nicht nach“, betonte die Ministerin am Dienstag.", "nicht nach", "die Ministerin", "LocaleQuoteThenCue")]
    [InlineData("„Wir sind erschöpft“, sagte er.", "erschöpft", "er", "LocaleQuoteThenCue")]
    [InlineData("„Wir erwarten Antworten“, sagten die Angehörigen der Opfer.", "Antworten", "die Angehörigen der Opfer", "LocaleQuoteThenCue")]
    [InlineData("»Man muss schnell handeln«, sagte der Ökonom.", "handeln", "der Ökonom", "LocaleQuoteThenCue")]
    [InlineData("„Es ist ein historischer Tag“, sagt die Bürgermeisterin.", "historischer", "die Bürgermeisterin", "LocaleQuoteThenCue")]
    [InlineData("„Die Bilanz ist schwer“, so ein Sprecher der Feuerwehr.", "Bilanz", "ein Sprecher der Feuerwehr", "LocaleQuoteThenCue")]
    [InlineData("Der Präsident sagte: „Es wird Wahlen geben.“", "Wahlen", "Der Präsident", "LocaleCueThenQuote")]
    [InlineData("Der Sprecher sagte, die Verhandlungen gingen weiter.", "die Verhandlungen gingen weiter", "Der Sprecher", "LocaleReported")]
    [InlineData("Die Firma erklärte, dass zwei Werke schließen.", "zwei Werke schließen", "Die Firma", "LocaleReported")]
    [InlineData("Die Gewerkschaft warnte, der Streik werde weitergehen.", "der Streik werde weitergehen", "Die Gewerkschaft", "LocaleReported")]
    [InlineData("Laut Polizei wurden drei Verdächtige festgenommen.", "drei Verdächtige", "Polizei", "LocaleSourceFirst")]
    [InlineData("Laut dem Bericht hat sich die Schuld verdoppelt.", "die Schuld verdoppelt", "dem Bericht", "LocaleSourceFirst")]
    [InlineData("Nach Angaben der Feuerwehr wurde niemand verletzt.", "niemand verletzt", "der Feuerwehr", "LocaleSourceFirst")]
    [InlineData("Dem Staatsanwalt zufolge wurden drei Verdächtige festgenommen.", "drei Verdächtige", "Dem Staatsanwalt", "LocaleSourceAfter")]
    public void German(string text, string content, string speaker, string rule) => One("de", text, content, speaker, rule);

    [Theory]
    [InlineData("«Мы восстановим мост», — заявил мэр.", "восстановим", "мэр", "LocaleQuoteThenCue")]
    [InlineData("«Ситуация серьёзная», — сказала Анна Петрова.", "серьёзная", "Анна Петрова", "LocaleQuoteThenCue")]
    [InlineData("«Мы не отступим», — подчеркнул министр обороны на брифинге.", "отступим", "министр обороны", "LocaleQuoteThenCue")]
    [InlineData("«Мы устали», — сказал он.", "устали", "он", "LocaleQuoteThenCue")]
    [InlineData("„Нужно действовать быстро“, — отметил экономист.", "действовать", "экономист", "LocaleQuoteThenCue")]
    [InlineData("«Никто не пострадал», — добавил представитель полиции во вторник.", "пострадал", "представитель полиции", "LocaleQuoteThenCue")]
    [InlineData("«Мы ждём ответов», — заявили родственники погибших.", "ответов", "родственники погибших", "LocaleQuoteThenCue")]
    [InlineData("«Это исторический день», — говорит мэр города.", "исторический", "мэр города", "LocaleQuoteThenCue")]
    [InlineData("Президент заявил: «Выборы состоятся».", "Выборы", "Президент", "LocaleCueThenQuote")]
    [InlineData("Представитель ведомства заявил, что переговоры продолжаются.", "переговоры продолжаются", "Представитель ведомства", "LocaleReported")]
    [InlineData("Компания сообщила, что закроет два завода.", "закроет два завода", "Компания", "LocaleReported")]
    [InlineData("Профсоюз заявил, что забастовка продолжится.", "забастовка продолжится", "Профсоюз", "LocaleReported")]
    [InlineData("По словам прокурора, задержаны трое подозреваемых.", "трое подозреваемых", "прокурора", "LocaleSourceFirst")]
    [InlineData("По данным доклада, долг вырос вдвое.", "долг вырос вдвое", "доклада", "LocaleSourceFirst")]
    [InlineData("Задержаны трое подозреваемых, по данным полиции.", "трое подозреваемых", "полиции", "LocaleSourceAfter")]
    [InlineData("«Потери тяжёлые», по словам спасателей.", "Потери", "спасателей", "LocaleSourceAfter")]
    public void Russian(string text, string content, string speaker, string rule) => One("ru", text, content, speaker, rule);

    [Theory]
    [InlineData("市长表示：“我们将重建大桥。”", "重建大桥", "市长", "LocaleCueThenQuote")]
    [InlineData("外交部发言人说：“局势严峻。”", "局势严峻", "外交部发言人", "LocaleCueThenQuote")]
    [InlineData("他说：“我们很累。”", "很累", "他", "LocaleCueThenQuote")]
    [InlineData("发言人昨天表示：“谈判取得进展。”", "谈判取得进展", "发言人", "LocaleCueThenQuote")]
    [InlineData("总理透露：“新政策下月实施。”", "新政策", "总理", "LocaleCueThenQuote")]
    [InlineData("“我们不会让步。”部长强调。", "不会让步", "部长", "LocaleQuoteThenCue")]
    [InlineData("“局势正在好转，”李明说。", "好转", "李明", "LocaleQuoteThenCue")]
    [InlineData("「我们需要答案。」遇难者家属说。", "需要答案", "遇难者家属", "LocaleQuoteThenCue")]
    [InlineData("发言人称，谈判仍在继续。", "谈判仍在继续", "发言人", "LocaleReported")]
    [InlineData("公司宣布，将关闭两家工厂。", "将关闭两家工厂", "公司", "LocaleReported")]
    [InlineData("外交部发言人3日表示，双方将继续对话。", "双方将继续对话", "外交部发言人", "LocaleReported")]
    [InlineData("经济学家指出，必须尽快行动。", "必须尽快行动", "经济学家", "LocaleReported")]
    [InlineData("工会强调，罢工将继续。", "罢工将继续", "工会", "LocaleReported")]
    [InlineData("据新华社报道，三名嫌疑人被捕。", "三名嫌疑人被捕", "新华社", "LocaleSourceFirst")]
    [InlineData("据警方称，无人受伤。", "无人受伤", "警方", "LocaleSourceFirst")]
    [InlineData("据统计局介绍，物价上涨了。", "物价上涨了", "统计局", "LocaleSourceFirst")]
    public void Chinese(string text, string content, string speaker, string rule) => One("zh", text, content, speaker, rule);

    [Theory]
    [InlineData("fr", "Jean Dupont est arrivé en retard. « Nous ne céderons pas », a-t-il déclaré.", "Jean Dupont")]
    [InlineData("es", "Lucía Romero habló con la prensa. «Estamos agotados», dijo ella.", "Lucía Romero")]
    [InlineData("de", "Jonas Weber kam spät. „Wir sind erschöpft“, sagte er.", "Jonas Weber")]
    [InlineData("ru", "Игорь Смирнов приехал поздно. «Мы устали», — сказал он.", "Игорь Смирнов")]
    [InlineData("zh", "王强昨天抵达。他说：“我们很累。”", "王强")]
    public void A_pronoun_speaker_is_the_person_named_before(string language, string text, string person)
    {
        var document = Run(language, text, (person, EntityType.Person, null));
        var quote = Assert.Single(document.Quotes);
        Assert.Equal(person, QuoteTestDocs.Speaker(document, quote));
    }

    [Theory]
    [InlineData("fr", "« Le pont rouvrira », a déclaré le ministre Paul Durand.", "Paul Durand")]
    [InlineData("de", "„Die Brücke öffnet wieder“, sagte Ministerin Eva Roth.", "Eva Roth")]
    public void A_person_named_in_the_speaker_phrase_is_the_speaker(string language, string text, string person)
    {
        var document = Run(language, text, (person, EntityType.Person, null));
        var quote = Assert.Single(document.Quotes);
        Assert.Equal(person, QuoteTestDocs.Speaker(document, quote));
        Assert.NotNull(quote.SpeakerMention);
    }

    [Theory]
    [InlineData("de", "Die Musik war laut.")]
    [InlineData("zh", "这本小说很好看。")]
    [InlineData("fr", "Le maire a déclaré forfait.")]
    [InlineData("ru", "Он сказал и ушёл.")]
    public void Speech_words_without_content_make_no_quote(string language, string text) => Assert.Empty(Run(language, text).Quotes);

    [Fact]
    public void English_documents_keep_the_english_rules()
    {
        var document = Run("en", "\"We will rebuild the bridge,\" the mayor said.");
        var quote = Assert.Single(document.Quotes);
        Assert.DoesNotContain("Locale", quote.Rule ?? "", StringComparison.Ordinal);
    }
}
