using Crosscheck.Annotation.Entities;
using Crosscheck.Core.Model;
using Xunit;

namespace Crosscheck.Annotation.Tests.Entities;

/// <summary>The optional feature sets a language model is trained and saved with add what they say, and only when chosen.</summary>
public class NerFeatureOptionTests
{
    /// <summary>The features of the token at <paramref name="index"/> of a sentence of space-separated tokens.</summary>
    private static HashSet<ulong> FeaturesOf(NerFeatureOptions options, string sentence, int index)
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
        new NerFeatures(WordClusters.Empty, Gazetteer.Empty, options).Extract(sentence, [.. spans], context, features, offsets);
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
}
