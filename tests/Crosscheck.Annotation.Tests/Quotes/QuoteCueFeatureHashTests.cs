using Crosscheck.Annotation.Quotes;
using Crosscheck.Annotation.Words;
using Xunit;

namespace Crosscheck.Annotation.Tests.Quotes;

/// <summary>
/// The learned cue model scores a word by hashing its features in place (<see cref="CueFeatureHash"/>, <see cref="CueFeatureScore"/>)
/// instead of building the feature strings it was trained on: these tests hold the two readings to the same result.
/// </summary>
public class QuoteCueFeatureHashTests
{
    private static readonly QuoteLexicon Lexicon = QuoteLexicon.Instance;

    private static readonly string[] Sentences =
    [
        "The union has long argued that the new rota puts nurses at risk, its leaders told members on Monday.",
        "Ministers favour a cap: “We cannot wait,” one adviser wrote, while others resented the plan.",
        "ÉTAT officials, who Opposed the merger, pointed to 3 reports and a supercalifragilisticexpialidociouslyandevenlongerthansixtyfourcharacters word.",
        "Critics",
    ];

    private static List<Scanned> Words(string sentence) => WordScanner.Scan(sentence, 0, sentence.Length);

    private static List<string> FeatureStrings(string sentence, List<Scanned> words, int i)
    {
        var features = new List<string>(CueFeatures.Typical);
        CueFeatures.Add(features, sentence, words, i, CueFeatures.SentenceFacts.Of(sentence, words, Lexicon), Lexicon);
        return features;
    }

    [Theory]
    [InlineData("w=", "resents")]
    [InlineData("sentence-cue", "")]
    [InlineData("n1=", "été")]
    public void A_feature_hashed_in_parts_hashes_as_its_whole_string(string template, string value)
    {
        Assert.Equal(CueFeatureHash.Of(template + value), CueFeatureHash.Of(template, value));
    }

    [Fact]
    public void A_pair_feature_hashed_in_parts_hashes_as_its_string_joined_by_a_bar()
    {
        Assert.Equal(CueFeatureHash.Of("p1w=has|argued"), CueFeatureHash.Of("p1w=", "has", "argued"));
        Assert.NotEqual(CueFeatureHash.Of("p1w=", "has", "argued"), CueFeatureHash.Of("wn1=", "has", "argued"));
    }

    [Fact]
    public void Features_that_differ_in_one_letter_or_template_hash_apart()
    {
        string[] features = ["w=argued", "w=argues", "st=argued", "p1=argued", "p2=argued", "w=argue", "w=", "s2=ed", "s3=ed", "w=de", "w=ed"];
        Assert.Equal(features.Length, features.Select(f => CueFeatureHash.Of(f)).Distinct().Count());
    }

    [Fact]
    public void Scoring_a_word_in_place_equals_summing_the_weights_of_its_feature_strings()
    {
        // Every other feature string of every word gets a weight of its own; the rest are unknown to the model.
        var all = Sentences.SelectMany(s => Enumerable.Range(0, Words(s).Count).SelectMany(i => FeatureStrings(s, Words(s), i))).Distinct().ToList();
        var weights = all.Where((_, n) => n % 2 == 0).Select((f, n) => (f, w: (float)((n % 13) - 6) / 7)).ToDictionary(x => x.f, x => x.w);
        var model = new LearnedCueModel(weights, -0.25f, [], 0.5);
        Assert.Equal(0, model.HashCollisions);
        var scored = 0;
        foreach (var sentence in Sentences)
        {
            var words = Words(sentence);
            var facts = CueFeatures.SentenceFacts.Of(sentence, words, Lexicon);
            for (var i = 0; i < words.Count; i++)
            {
                double expected = -0.25f;
                foreach (var feature in FeatureStrings(sentence, words, i))
                {
                    if (weights.TryGetValue(feature, out var weight)) expected += weight;
                }
                Assert.Equal(1 / (1 + Math.Exp(-expected)), model.Probability(sentence, words, i, facts, Lexicon));
                scored++;
            }
        }
        Assert.True(scored > 40);
    }

    [Fact]
    public void Words_are_lowered_for_their_features_as_a_string_would_be_lowered()
    {
        var sentence = Sentences[2];
        var words = Words(sentence);
        var features = FeatureStrings(sentence, words, 1);
        Assert.Contains("p1=état", features);
        var longest = words.MaxBy(w => w.Length);
        var i = words.IndexOf(longest);
        Assert.True(longest.Length > 64);
        Assert.Contains("w=" + longest.Of(sentence).ToString().ToLowerInvariant(), FeatureStrings(sentence, words, i));
    }

    [Fact]
    public void Scoring_a_word_builds_no_string()
    {
        var sentence = Sentences[0];
        var words = Words(sentence);
        var model = new LearnedCueModel(new Dictionary<string, float> { ["w=argued"] = 2f, ["ahead=that"] = 1f }, -1f, ["argu"], 0.5);
        var facts = CueFeatures.SentenceFacts.Of(sentence, words, Lexicon);
        var argued = words.FindIndex(w => w.Is(sentence, "argued"));
        var first = model.Probability(sentence, words, argued, facts, Lexicon);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < words.Count; i++) model.Probability(sentence, words, i, facts, Lexicon);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(1 / (1 + Math.Exp(-2.0)), first, 9);
    }

    [Fact]
    public void The_shipped_model_has_no_two_features_of_one_hash()
    {
        var model = LearnedCueModel.Shipped;
        Assert.NotNull(model);
        Assert.True(model.WeightCount > 1000);
        Assert.Equal(0, model.HashCollisions);
    }
}
