using Crosscheck.Annotation.Entities;
using Crosscheck.Core.Model;
using Xunit;

namespace Crosscheck.Annotation.Tests.Entities;

/// <summary>A document's topic words (<see cref="DocumentContext.Topics"/>) and their features (<see cref="NerFeatureOptions.DocumentTopics"/>).</summary>
public class DocumentTopicTests
{
    private static TextSpan[] Spans(string sentence) => EdgeClassTests.Spans(sentence);

    private static DocumentContext ContextOf(bool countWords, params string[] sentences)
    {
        var context = new DocumentContext(countWords);
        foreach (var sentence in sentences) context.Add(sentence, Spans(sentence));
        return context;
    }

    /// <summary>Clusters that know <paramref name="words"/> in this order of frequency (row = rank), one cluster each.</summary>
    private static WordClusters ClustersOf(params string[] words)
    {
        var index = new Dictionary<ulong, int>();
        for (var i = 0; i < words.Length; i++) index[FeatureHash.OfLower(words[i])] = i;
        return new WordClusters(1, index, [.. words.Select((_, i) => (ushort)i)]);
    }

    private static readonly string[] Match =
    [
        "el partido entre Brasil y Francia terminó con dos goles para cada equipo .",
        "los goles del partido llegaron en la segunda parte , para alegría del equipo local .",
        "Brasil jugará otro partido contra Italia para cerrar la fase .",
    ];

    [Fact]
    public void Topics_are_repeated_rare_words_of_letters_and_no_frequent_word()
    {
        // "para" (3 times) is the clusters' most frequent word: never a topic. "partido" (3) outranks "goles" (2) and
        // "equipo" (2) by its count; "goles", unknown to the clusters, outranks "equipo" (known, rank 150) by rarity.
        var frequent = Enumerable.Range(0, 200).Select(i => $"w{i}").ToArray();
        frequent[0] = "para";
        frequent[150] = "equipo";
        frequent[160] = "partido";
        var topics = ContextOf(true, Match).Topics(ClustersOf(frequent));
        Assert.Equal([FeatureHash.OfLower("partido"), FeatureHash.OfLower("goles"), FeatureHash.OfLower("equipo")], topics);
        // Capitalised words ("Brasil"), short ones ("los", "del", "dos") and words seen once ("segunda") are none.
        Assert.DoesNotContain(FeatureHash.OfLower("brasil"), topics);
        Assert.DoesNotContain(FeatureHash.OfLower("segunda"), topics);
    }

    [Fact]
    public void A_single_sentence_or_an_uncounted_context_has_no_topics()
    {
        Assert.Empty(ContextOf(true, "el partido , el partido y el partido .").Topics(WordClusters.Empty));
        Assert.Empty(ContextOf(false, Match).Topics(WordClusters.Empty));
    }

    [Fact]
    public void Only_capitalised_tokens_read_the_topics_and_only_with_the_option()
    {
        var clusters = ClustersOf("para");
        HashSet<ulong> Of(NerFeatureOptions options, int index)
        {
            var context = ContextOf((options & NerFeatureOptions.DocumentTopics) != 0, Match);
            var sentence = Match[2];
            var spans = Spans(sentence);
            var features = new List<ulong>();
            var offsets = new int[spans.Length + 1];
            new NerFeatures(clusters, Gazetteer.Empty, options).Extract(sentence, spans, context, features, offsets);
            return [.. features.Skip(offsets[index]).Take(offsets[index + 1] - offsets[index])];
        }
        // "Brasil" (token 0): two features per topic word (alone, with its coarse cluster); "partido" (token 3) none.
        var topics = ContextOf(true, Match).Topics(clusters).Length;
        Assert.Equal(3, topics);
        Assert.Equal(Of(NerFeatureOptions.None, 0).Count + 2 * topics, Of(NerFeatureOptions.DocumentTopics, 0).Count);
        Assert.True(Of(NerFeatureOptions.None, 0).IsSubsetOf(Of(NerFeatureOptions.DocumentTopics, 0)));
        Assert.True(Of(NerFeatureOptions.None, 3).SetEquals(Of(NerFeatureOptions.DocumentTopics, 3)));
    }
}
