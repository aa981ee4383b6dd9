using Crosscheck.Annotation.Entities;
using Crosscheck.Core.Model;
using Xunit;

namespace Crosscheck.Annotation.Tests.Entities;

/// <summary>Runs of capitalised words bridged by short lower-case words (<see cref="NameChunks"/>) and their features.</summary>
public class NameChunkTests
{
    private static TextSpan[] Spans(string sentence) => EdgeClassTests.Spans(sentence);

    private static HashSet<ulong> FeaturesOf(NerFeatureOptions options, string sentence, int index) =>
        NerFeatureOptionTests.FeaturesOf(options, sentence, index);

    [Fact]
    public void Short_lower_case_words_bridge_capitalised_ones_into_one_run()
    {
        const string sentence = "dijo el Centro de Estudios de la Historia Religiosa en Lisboa y no en Madrid .";
        var runs = NameChunks.Of(sentence, Spans(sentence));
        // "Centro de Estudios de la Historia Religiosa en Lisboa": bridges of one and two words, "en" too.
        Assert.Equal((2, 11), (runs[2].Start, runs[2].End));
        Assert.Equal((2, 11), (runs[5].Start, runs[5].End));
        Assert.Equal((2, 11), (runs[10].Start, runs[10].End));
        // "y no en" is three lower-case words: the run stops; "Madrid" is a run of its own; "dijo" is in none.
        Assert.Equal((14, 15), (runs[14].Start, runs[14].End));
        Assert.Equal(-1, runs[0].Start);
        Assert.Equal(-1, runs[11].Start);
        // A capitalised word's part starts at the bridge before it: "Historia" and "Religiosa" at "de" (token 5).
        Assert.Equal(-1, runs[2].Part);
        Assert.Equal(3, runs[4].Part);
        Assert.Equal(5, runs[7].Part);
        Assert.Equal(5, runs[8].Part);
        Assert.Equal(-1, runs[5].Part);
    }

    [Fact]
    public void A_long_lower_case_word_or_one_at_the_end_bridges_nothing()
    {
        const string sentence = "Alianza para Madrid de";
        var runs = NameChunks.Of(sentence, Spans(sentence));
        Assert.Equal((0, 1), (runs[0].Start, runs[0].End));
        Assert.Equal((2, 3), (runs[2].Start, runs[2].End));
        Assert.Equal(-1, runs[3].Start);
    }

    [Fact]
    public void The_run_features_come_only_with_the_option_and_tell_the_runs_head_apart()
    {
        const string guardia = "la Guardia Civil de Eibar detuvo";
        const string hospital = "el Hospital Civil de Eibar detuvo";
        var plain = FeaturesOf(NerFeatureOptions.None, guardia, 4);
        var chunked = FeaturesOf(NerFeatureOptions.NameChunks, guardia, 4);
        // Position with length, head, word before the run, part: four more features for "Eibar".
        Assert.True(plain.IsSubsetOf(chunked));
        Assert.Equal(plain.Count + 4, chunked.Count);
        // "Eibar" sees the same window in both sentences (the two words either side are alike but "Guardia"/"Hospital"
        // two to the left sits outside its window of two), while its run's head differs.
        var plainOther = FeaturesOf(NerFeatureOptions.None, hospital, 4);
        var chunkedOther = FeaturesOf(NerFeatureOptions.NameChunks, hospital, 4);
        Assert.True(plain.SetEquals(plainOther));
        Assert.False(chunked.SetEquals(chunkedOther));
    }
}
