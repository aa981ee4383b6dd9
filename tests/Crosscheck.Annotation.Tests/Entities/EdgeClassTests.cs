using Crosscheck.Annotation.Entities;
using Crosscheck.Core.Model;
using Xunit;

namespace Crosscheck.Annotation.Tests.Entities;

/// <summary>Label-pair weights by edge class (<see cref="NerFeatureOptions.EdgeClasses"/>): what the classes are, and that the decoder and the model file read them only when chosen.</summary>
public class EdgeClassTests
{
    private const int L = Bilou.LabelCount;
    private const int Start = 5;

    private static readonly int UnitPerson = Bilou.Label(0, 3);
    private static readonly int UnitOrganisation = Bilou.Label(1, 3);

    /// <summary>The spans of a sentence of space-separated tokens.</summary>
    internal static TextSpan[] Spans(string sentence)
    {
        var spans = new List<TextSpan>();
        var start = 0;
        foreach (var word in sentence.Split(' '))
        {
            spans.Add(new TextSpan(start, word.Length));
            start += word.Length + 1;
        }
        return [.. spans];
    }

    [Fact]
    public void Each_token_is_classed_by_its_own_kind_and_the_kind_before_it()
    {
        const string sentence = "Jan , de Bank 1995 NAVO";
        // Kinds: 0 lower, 1 capitalised, 2 capitals, 3 number, 4 other; the sentence start is 5.
        Assert.Equal([Start * 5 + 1, 1 * 5 + 4, 4 * 5 + 0, 0 * 5 + 1, 1 * 5 + 3, 3 * 5 + 2], EdgeClasses.Of(sentence, Spans(sentence)));
    }

    /// <summary>Two tokens: the first a person, the second an organisation by a hair less than outside, unless an edge table says otherwise.</summary>
    private static (float[] Emissions, float[] Transitions) PersonThenUndecided(int favouredClass)
    {
        var emissions = new float[2 * L];
        emissions[UnitPerson] = 5;
        emissions[L + Bilou.Outside] = 1;
        emissions[L + UnitOrganisation] = 0.9f;
        var transitions = new float[LinearChain.TransitionTable * (1 + EdgeClasses.Count)];
        transitions[(1 + favouredClass) * LinearChain.TransitionTable + (UnitPerson + 1) * L + UnitOrganisation] = 1;
        return (emissions, transitions);
    }

    [Fact]
    public void The_decoder_adds_the_table_of_each_tokens_class_and_only_that_one()
    {
        var (emissions, transitions) = PersonThenUndecided(favouredClass: 9);
        var labels = new int[2];
        LinearChain.Viterbi(emissions, 2, transitions, labels);
        Assert.Equal([UnitPerson, Bilou.Outside], labels);
        LinearChain.Viterbi(emissions, 2, transitions, labels, [26, 9]);
        Assert.Equal([UnitPerson, UnitOrganisation], labels);
        LinearChain.Viterbi(emissions, 2, transitions, labels, [26, 8]);
        Assert.Equal([UnitPerson, Bilou.Outside], labels);
    }

    private static NerModel RoundTrip(NerFeatureOptions options, float[] transitions)
    {
        using var stream = new MemoryStream();
        new NerModel(new NerFeatures(WordClusters.Empty, Gazetteer.Empty, options), new LinearChain([], [], transitions), null).Save(stream);
        stream.Position = 0;
        return NerModel.Load(stream);
    }

    [Fact]
    public void A_model_file_keeps_its_edge_tables_and_one_without_them_reads_as_before()
    {
        var (emissions, transitions) = PersonThenUndecided(favouredClass: 9);
        var kept = RoundTrip(NerFeatureOptions.EdgeClasses, transitions).First;
        Assert.True(kept.HasEdgeClasses);
        var labels = new int[2];
        kept.Decode(emissions, 2, labels, [26, 9]);
        Assert.Equal([UnitPerson, UnitOrganisation], labels);
        var plain = RoundTrip(NerFeatureOptions.None, new float[LinearChain.TransitionTable]).First;
        Assert.False(plain.HasEdgeClasses);
        plain.Decode(emissions, 2, labels, [26, 9]);
        Assert.Equal([UnitPerson, Bilou.Outside], labels);
    }

    [Fact]
    public void A_model_file_with_an_option_this_build_does_not_know_is_refused_not_misread()
    {
        // An option added later may lengthen what the file holds (as edge classes lengthen the transitions).
        var unknown = (NerFeatureOptions)(1 << 30);

        var error = Assert.Throws<InvalidDataException>(() => RoundTrip(NerFeatureOptions.EdgeClasses | unknown, new float[LinearChain.TransitionTable * (1 + EdgeClasses.Count)]));
        Assert.Contains("0x40000000", error.Message, StringComparison.Ordinal);
    }
}
