namespace Crosscheck.Extraction.Tests;

public class LanguageTests
{
    private static readonly ArticleExtractor Extractor = new();

    [Theory]
    [InlineData("en", "The government announced on Monday that it would raise the minimum wage from next year, after months of talks with unions.")]
    [InlineData("fr", "Le gouvernement a annoncé lundi qu'il augmenterait le salaire minimum l'année prochaine, après des mois de négociations avec les syndicats.")]
    [InlineData("de", "Die Regierung kündigte am Montag an, den Mindestlohn im kommenden Jahr nach monatelangen Verhandlungen mit den Gewerkschaften zu erhöhen.")]
    [InlineData("es", "El gobierno anunció el lunes que subirá el salario mínimo el próximo año, tras meses de negociaciones con los sindicatos.")]
    [InlineData("ru", "Правительство объявило в понедельник, что со следующего года повысит минимальную зарплату после месяцев переговоров с профсоюзами.")]
    [InlineData("it", "Il governo ha annunciato lunedì che aumenterà il salario minimo dal prossimo anno, dopo mesi di trattative con i sindacati.")]
    [InlineData("nl", "De regering maakte maandag bekend dat zij het minimumloon volgend jaar verhoogt, na maanden van overleg met de vakbonden.")]
    [InlineData("pl", "Rząd ogłosił w poniedziałek, że od przyszłego roku podniesie płacę minimalną po miesiącach rozmów ze związkami zawodowymi.")]
    [InlineData("pt", "O governo anunciou na segunda-feira que vai aumentar o salário mínimo no próximo ano, depois de meses de negociações com os sindicatos.")]
    [InlineData("tr", "Hükümet pazartesi günü, sendikalarla aylarca süren görüşmelerin ardından asgari ücreti gelecek yıl artıracağını açıkladı.")]
    [InlineData("ar", "أعلنت الحكومة يوم الاثنين أنها سترفع الحد الأدنى للأجور العام المقبل بعد أشهر من المفاوضات مع النقابات.")]
    [InlineData("zh", "政府周一宣布，在与工会进行了数月的谈判之后，将从明年起提高最低工资标准，以应对不断上涨的生活成本。")]
    public void Language_is_identified(string code, string sentence)
    {
        var article = Extractor.Extract(TestInputs.Text("Headline\n\n" + sentence));

        Assert.Equal(code, article.Language);
    }

    [Fact]
    public void Very_short_bodies_get_no_language()
    {
        var article = Extractor.Extract(TestInputs.Text("Headline\n\nYes, he said."));

        Assert.Null(article.Language);
    }

    [Fact]
    public void Work_under_the_inline_scheduler_runs_on_the_calling_thread_with_concurrency_one()
    {
        var caller = Environment.CurrentManagedThreadId;

        var (thread, level) = Crosscheck.Extraction.Language.InlineTaskScheduler.Run(() =>
            (Environment.CurrentManagedThreadId, TaskScheduler.Current.MaximumConcurrencyLevel));

        Assert.Equal(caller, thread);
        // A parallel loop started here takes its degree of parallelism from this level.
        Assert.Equal(1, level);
    }
}
