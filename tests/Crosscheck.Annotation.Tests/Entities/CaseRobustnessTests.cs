using Crosscheck.Core.Model;
using Xunit;

namespace Crosscheck.Annotation.Tests.Entities;

/// <summary>Names in headline case and in text that lost its capitals (truecasing before tagging).</summary>
public class CaseRobustnessTests
{
    /// <summary>A headline-case title is read with the capitals its words have in the article body.</summary>
    [Fact]
    public void Headline_case_keeps_names_apart()
    {
        var document = Stack.Run("German Chancellor Visits Kenya To Discuss Trade With World Bank\n\n"
            + "The chancellor will meet officials of the World Bank during the two-day visit.");
        Assert.Equal(EntityType.Loc, Stack.TypeOf(document, "Kenya"));
        Assert.Equal(EntityType.Org, Stack.TypeOf(document, "World Bank"));
        Assert.DoesNotContain(document.Mentions, m => document[m.Span].Contains("Discuss", StringComparison.Ordinal));
    }

    [Fact]
    public void Lower_case_text_still_yields_known_places()
    {
        var document = Stack.Run("officials said kenya and the world bank would sign a deal in nairobi next week.");
        Assert.Equal(EntityType.Loc, Stack.TypeOf(document, "kenya"));
        Assert.Equal(EntityType.Loc, Stack.TypeOf(document, "nairobi"));
    }

    [Fact]
    public void A_list_of_names_is_not_mistaken_for_a_headline()
    {
        var document = Stack.Run("Winners: Petra Lindgren ( Sweden ) , Tomas Berglund ( Norway ) , Anna Rossi ( Italy ) .");
        Assert.Equal(EntityType.Person, Stack.TypeOf(document, "Petra Lindgren"));
        Assert.Equal(EntityType.Loc, Stack.TypeOf(document, "Norway"));
    }
}
