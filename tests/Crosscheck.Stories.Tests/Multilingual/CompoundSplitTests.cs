using Crosscheck.Core.Model;
using Crosscheck.Stories.Clustering;
using Xunit;

namespace Crosscheck.Stories.Tests.Multilingual;

/// <summary>How far German compounds are split (<see cref="CompoundSplitting"/>) and how much their parts weigh (<see cref="ClusteringOptions.CompoundPartWeight"/>).</summary>
public class CompoundSplitTests
{
    private static List<string> Stems(string text, CompoundSplitting compounds) =>
        LanguageTerms.Analyze("de", text, compounds: compounds)!.Select(t => t.Stem).ToList();

    private static string Stem(string word) => Assert.Single(Stems(word, CompoundSplitting.None));

    [Theory]
    [InlineData("Hafenmeister", "Hafen", "Meister")] // the glossary lists it whole
    [InlineData("Zollbehörde", "Zoll", "Behörde")] // a four-letter modifier
    [InlineData("Bahnstrecke", "Bahn", "Strecke")] // both
    [InlineData("Brückenpfeilers", "Brücken", "Pfeiler")] // a head with a case ending the glossary does not list
    public void The_wide_split_reaches_compounds_the_headword_split_leaves_whole(string compound, string modifier, string head)
    {
        Assert.Single(Stems(compound, CompoundSplitting.Headwords));

        var wide = Stems(compound, CompoundSplitting.Wide);

        Assert.Equal([Stem(compound), Stem(modifier), Stem(head)], wide);
    }

    [Fact]
    public void A_modifier_that_is_no_word_but_splits_itself_gives_three_parts()
    {
        var stems = Stems("Landesfeuerwehrverband", CompoundSplitting.Wide);

        Assert.Equal(4, stems.Count);
        Assert.Equal(Stem("Lande"), stems[1]);
        Assert.Equal(Stem("Feuerwehr"), stems[2]);
        Assert.Equal(Stem("Verband"), stems[3]);
    }

    [Theory]
    [InlineData("Regierungen")] // the plural of a headword ("regie" + "rungen" are words too)
    [InlineData("Unterschrift")] // a preposition before a word: derived, not a compound
    [InlineData("Zugführer")] // a head of under five letters ("zug" + "führer": a modifier of three)
    [InlineData("Tierheim")]
    public void Words_that_are_no_compound_of_two_things_stay_one_stem_in_the_wide_split(string word)
    {
        Assert.Single(Stems(word, CompoundSplitting.Wide));
    }

    [Fact]
    public void Without_a_split_a_compound_is_one_stem_and_other_languages_are_never_split()
    {
        Assert.Single(Stems("Regierungsbündnis", CompoundSplitting.None));
        Assert.Equal(3, Stems("Regierungsbündnis", CompoundSplitting.Headwords).Count);
        Assert.Equal(
            LanguageTerms.Analyze("nl", "De havenmeester", compounds: CompoundSplitting.Headwords)!,
            LanguageTerms.Analyze("nl", "De havenmeester", compounds: CompoundSplitting.Wide)!);
    }

    [Fact]
    public void A_compounds_parts_are_marked_as_parts_by_their_offset()
    {
        var terms = LanguageTerms.Analyze("de", "Der Hafenmeister kam", compounds: CompoundSplitting.Wide)!;

        Assert.Equal([false, true, true, false], terms.Select((_, i) => LanguageTerms.IsPart(terms, i)).ToList());
    }

    [Fact]
    public void Parts_weigh_their_share_of_the_compound_so_a_compound_counts_less_than_three_words()
    {
        var document = new Document(new Article { Id = "a", Source = "test", Body = "Der Hafenmeister schloss den Kai.", Language = "de" });
        var full = DocumentFeatures.Extract(document, ClusteringOptions.Default with { CompoundSplitting = CompoundSplitting.Wide });
        var half = DocumentFeatures.Extract(document, ClusteringOptions.Default with { CompoundSplitting = CompoundSplitting.Wide, CompoundPartWeight = 0.5 });
        var (compound, part) = (Words.Fold(Stem("Hafenmeister")), Words.Fold(Stem("Meister")));

        Assert.Equal(full.Terms[compound], full.Terms[part], 9);
        Assert.Equal(full.Terms[compound], half.Terms[compound], 9);
        // The sublinear count of a weight over 1 (a lead word) leaves the ratio near 1/2, not exactly.
        Assert.InRange(half.Terms[part], 0.01, half.Terms[compound] * 0.75);
    }
}
