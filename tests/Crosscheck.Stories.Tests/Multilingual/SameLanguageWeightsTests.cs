using Crosscheck.Stories.Clustering;
using Xunit;

namespace Crosscheck.Stories.Tests.Multilingual;

public class SameLanguageWeightsTests
{
    private static readonly ClusteringOptions CommonWeights = ClusteringOptions.Default with { AnalysedSameLanguageWeights = null };

    // One town's mayor in two different events, and the first event told again in other words.
    private const string SchoolVisit =
        "El alcalde Ramiro Quintanilla visitó el lunes la escuela de Villanueva del Prado y prometió reparar el tejado del gimnasio "
        + "antes del invierno. Los padres pidieron más maestros y un comedor nuevo.";

    private const string BudgetVote =
        "El pleno de Villanueva del Prado aprobó el presupuesto municipal con los votos del grupo de Ramiro Quintanilla. La oposición "
        + "criticó la subida del impuesto sobre vehículos y anunció un recurso.";

    private const string SchoolVisitRetold =
        "Ramiro Quintanilla prometió reparar el tejado del gimnasio de la escuela antes del invierno, durante su visita del lunes a "
        + "Villanueva del Prado; los padres pidieron más maestros y un comedor nuevo.";

    [Fact]
    public void Within_one_analysed_language_two_events_sharing_only_names_fall_further_below_one_event_retold()
    {
        var (otherEvent, otherEventCommon) = Scores("es", BudgetVote, "es");
        var (sameEvent, sameEventCommon) = Scores("es", SchoolVisitRetold, "es");

        Assert.True(otherEvent < otherEventCommon, $"{otherEvent} < {otherEventCommon}");
        Assert.True(sameEvent - otherEvent > sameEventCommon - otherEventCommon,
            $"{sameEvent} - {otherEvent} > {sameEventCommon} - {otherEventCommon}");
    }

    [Theory]
    [InlineData("en", "en")] // English is not analysed: its weights are the ones set on ECB+
    [InlineData("es", "it")] // across two languages names are most of what can be shared
    public void Other_pairs_keep_the_common_weights(string first, string second)
    {
        var (weighted, common) = Scores(first, BudgetVote, second);

        Assert.True(common > 0);
        Assert.Equal(common, weighted, 12);
    }

    private static (double Weighted, double Common) Scores(string firstLanguage, string otherText, string secondLanguage) =>
        LanguageDocuments.Scores(LanguageDocuments.Of(firstLanguage, SchoolVisit), LanguageDocuments.Of(secondLanguage, otherText),
            ClusteringOptions.Default, CommonWeights);
}
