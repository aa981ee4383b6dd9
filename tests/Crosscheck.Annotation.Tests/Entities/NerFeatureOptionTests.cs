using Crosscheck.Annotation.Entities;
using Crosscheck.Core.Model;
using Xunit;

namespace Crosscheck.Annotation.Tests.Entities;

/// <summary>The optional feature sets a language model is trained and saved with add what they say, and only when chosen.</summary>
public class NerFeatureOptionTests
{
    /// <summary>The features of the token at <paramref name="index"/> of a sentence of space-separated tokens.</summary>
    internal static HashSet<ulong> FeaturesOf(NerFeatureOptions options, string sentence, int index, WordClusters? stemClusters = null, Gazetteer? gazetteer = null, WordClusters? clusters = null)
    {
        var spans = new List<TextSpan>();
        var start = 0;
        foreach (var word in sentence.Split(' '))
        {
            spans.Add(new TextSpan(start, word.Length));
            start += word.Length + 1;
        }
        var context = new DocumentContext();
        context.Add(sentence, [.. spans]);
        var features = new List<ulong>();
        var offsets = new int[spans.Count + 1];
        new NerFeatures(clusters ?? WordClusters.Empty, gazetteer ?? Gazetteer.Empty, options, stemClusters).Extract(sentence, [.. spans], context, features, offsets);
        return [.. features.Skip(offsets[index]).Take(offsets[index + 1] - offsets[index])];
    }

    [Fact]
    public void The_sentence_shape_tells_a_fragment_from_running_text()
    {
        // "Москва" first in both: without the option its own features are alike apart from its right-hand neighbours.
        var fragment = FeaturesOf(NerFeatureOptions.SentenceShape, "Москва", 0);
        var sentence = FeaturesOf(NerFeatureOptions.SentenceShape, "Москва .", 0);
        var plainFragment = FeaturesOf(NerFeatureOptions.None, "Москва", 0);
        Assert.Equal(plainFragment.Count + 3, fragment.Count);
        Assert.NotEqual(fragment.Except(plainFragment).Order(), sentence.Except(FeaturesOf(NerFeatureOptions.None, "Москва .", 0)).Order());
    }

    [Fact]
    public void Long_affixes_add_five_and_six_letter_affixes_and_the_neighbours_stems()
    {
        var plain = FeaturesOf(NerFeatureOptions.None, "в Москве сегодня", 1);
        var withAffixes = FeaturesOf(NerFeatureOptions.LongAffixes, "в Москве сегодня", 1);
        // Prefix and suffix of 5 letters (a 6-letter word has no 6-letter affix shorter than itself), stems before and after.
        Assert.Equal(plain.Count + 4, withAffixes.Count);
        Assert.True(plain.IsSubsetOf(withAffixes));
        // Inflected forms share the longer prefix: "Москве" and "Москвы" have more features in common with it.
        var other = FeaturesOf(NerFeatureOptions.LongAffixes, "в Москвы сегодня", 1);
        var otherPlain = FeaturesOf(NerFeatureOptions.None, "в Москвы сегодня", 1);
        Assert.True(withAffixes.Intersect(other).Count() > plain.Intersect(otherPlain).Count());
    }

    /// <summary>A stem table of two stems, "москв" and "сегод", in clusters 3/7/11 and 5/9/13 (and a capitalisation level).</summary>
    private static WordClusters TwoStems() => new(4,
        new Dictionary<ulong, int> { [FeatureHash.OfLower("москв")] = 0, [FeatureHash.OfLower("сегод")] = 1 },
        [3, 7, 11, 1, 5, 9, 13, 1]);

    /// <summary>A word table of "regierung" (clusters 2/6/10) and "partei" (4/8/12), with a capitalisation level.</summary>
    private static WordClusters TwoHeads() => new(4,
        new Dictionary<ulong, int> { [FeatureHash.OfLower("regierung")] = 0, [FeatureHash.OfLower("partei")] = 1 },
        [2, 6, 10, 1, 4, 8, 12, 1]);

    [Fact]
    public void Head_clusters_give_compounds_of_one_head_the_same_head_features_and_only_when_chosen()
    {
        var words = TwoHeads();
        HashSet<ulong> Added(string word) =>
            [.. FeaturesOf(NerFeatureOptions.HeadClusters, $"die {word} sagte", 1, clusters: words).Except(FeaturesOf(NerFeatureOptions.None, $"die {word} sagte", 1, clusters: words))];
        // Three levels of the head's clusters.
        var federal = Added("Bundesregierung");
        Assert.Equal(3, federal.Count);
        Assert.True(federal.SetEquals(Added("Landesregierung")));
        Assert.True(federal.SetEquals(Added("Corona-Regierung")));
        Assert.False(federal.SetEquals(Added("Volkspartei")));
        // No known ending, or the head is the whole word (too few letters before it): nothing is added.
        Assert.Empty(Added("Bundeskanzler"));
        Assert.Empty(Added("Regierung"));
    }

    [Fact]
    public void Stem_clusters_give_inflected_forms_the_same_cluster_features_and_only_when_chosen()
    {
        var stems = TwoStems();
        var plain = FeaturesOf(NerFeatureOptions.None, "в Москве сегодня", 1, stems);
        var withStems = FeaturesOf(NerFeatureOptions.StemClusters, "в Москве сегодня", 1, stems);
        // Three levels for the token, the middle level of each neighbour.
        Assert.Equal(plain.Count + 5, withStems.Count);
        Assert.True(plain.IsSubsetOf(withStems));
        var added = withStems.Except(plain).ToHashSet();
        var addedOther = FeaturesOf(NerFeatureOptions.StemClusters, "в Москвы сегодня", 1, stems).Except(FeaturesOf(NerFeatureOptions.None, "в Москвы сегодня", 1, stems));
        Assert.True(added.SetEquals(addedOther));
        // A word of another stem gets other stem-cluster features.
        var addedUnknown = FeaturesOf(NerFeatureOptions.StemClusters, "в Казани сегодня", 1, stems).Except(FeaturesOf(NerFeatureOptions.None, "в Казани сегодня", 1, stems));
        Assert.False(added.SetEquals(addedUnknown));
    }

    [Fact]
    public void A_model_file_keeps_its_stem_clusters_and_one_without_them_reads_as_before()
    {
        var transitions = new float[(Bilou.LabelCount + 1) * Bilou.LabelCount];
        var chain = new LinearChain([], [], transitions);
        NerModel RoundTrip(NerFeatureOptions options)
        {
            using var stream = new MemoryStream();
            new NerModel(new NerFeatures(WordClusters.Empty, Gazetteer.Empty, options, TwoStems()), chain, null).Save(stream);
            stream.Position = 0;
            return NerModel.Load(stream);
        }
        var kept = RoundTrip(NerFeatureOptions.StemClusters | NerFeatureOptions.SentenceShape).Features;
        Assert.Equal(NerFeatureOptions.StemClusters | NerFeatureOptions.SentenceShape, kept.Options);
        Assert.Equal(2, kept.StemClusters.Count);
        Assert.Equal(9, kept.StemClusters.Lookup(FeatureHash.OfLower("сегод"), 1));
        var without = RoundTrip(NerFeatureOptions.SentenceShape).Features;
        Assert.Equal(0, without.StemClusters.Count);
    }

    /// <summary>One list, "dict:common", holding the adjective "deutsche".</summary>
    private static Gazetteer Adjectives() => new(["dict:common"],
        new Dictionary<ulong, uint> { [Gazetteer.Extend(Gazetteer.Start, FeatureHash.OfLower("deutsche"))] = 1 }, 1);

    [Fact]
    public void The_gazetteer_case_reads_a_capitalised_adjective_apart_from_a_lower_case_one()
    {
        var lists = Adjectives();
        var name = FeaturesOf(NerFeatureOptions.GazetteerCase, "die Deutsche Bank", 1, gazetteer: lists);
        var adjective = FeaturesOf(NerFeatureOptions.GazetteerCase, "die deutsche Bank", 1, gazetteer: lists);
        var plainName = FeaturesOf(NerFeatureOptions.None, "die Deutsche Bank", 1, gazetteer: lists);
        var plainAdjective = FeaturesOf(NerFeatureOptions.None, "die deutsche Bank", 1, gazetteer: lists);
        // One feature per hit, and it differs by case; the hit's other features are the same in both.
        Assert.Equal(plainName.Count + 1, name.Count);
        Assert.Equal(plainAdjective.Count + 1, adjective.Count);
        Assert.NotEqual(name.Except(plainName).Single(), adjective.Except(plainAdjective).Single());
        // At the start of a sentence the capital letter is read as such.
        var first = FeaturesOf(NerFeatureOptions.GazetteerCase, "Deutsche Bank", 0, gazetteer: lists).Except(FeaturesOf(NerFeatureOptions.None, "Deutsche Bank", 0, gazetteer: lists));
        Assert.NotEqual(name.Except(plainName).Single(), first.Single());
        // A word of no list gets none.
        Assert.Equal(FeaturesOf(NerFeatureOptions.None, "die deutsche Bank", 2, gazetteer: lists).Count, FeaturesOf(NerFeatureOptions.GazetteerCase, "die deutsche Bank", 2, gazetteer: lists).Count);
    }
}
