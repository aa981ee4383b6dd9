using Crosscheck.Annotation.Entities;
using Crosscheck.Evaluation.Entities;

namespace Crosscheck.Training.Tests;

/// <summary>
/// The name-word lists of a language model: the single words of the training names by type and by how often the word
/// stood in one, jackknifed like the name lists.
/// </summary>
public class NameWordListTests
{
    private static ulong Word(string word) => Gazetteer.Extend(Gazetteer.Start, FeatureHash.OfLower(word));

    private static bool Has(Gazetteer gazetteer, string word, string list) =>
        (gazetteer.Lookup(Word(word)) & 1u << Array.IndexOf(gazetteer.ListNames, list)) != 0;

    /// <summary>Document d: "Gerhard Schröder sprach mit der Bank ." with the person tagged, and one sentence without a name.</summary>
    private static List<ConllSentence> Sentences(int documents)
    {
        var sentences = new List<ConllSentence>();
        for (var d = 0; d < documents; d++)
        {
            sentences.Add(new ConllSentence(["Gerhard", "Schröder", "sprach", "mit", "der", "Bank", "."], ["B-PER", "I-PER", "O", "O", "O", "O", "O"], d));
            sentences.Add(new ConllSentence(["Die", "Bank", "der", "Deutschen", "Bank", "schloss", "."], ["O", "O", "O", "B-ORG", "I-ORG", "O", "O"], d));
        }
        return sentences;
    }

    [Fact]
    public void A_word_gets_the_lists_of_its_types_by_its_share_of_names_and_only_when_chosen()
    {
        var sentences = Sentences(200);
        var corpusOf = sentences.Select(_ => "conll2003-de").ToArray();
        var full = LanguageGazetteers.Build(sentences, corpusOf, names: true, [], TextWriter.Null, tokenLists: true).Full;

        Assert.True(Has(full, "Schröder", "name-word:PER:mostly"));
        // "Bank" stands once in a name for three times outside one: sometimes an organisation's word, never a person's.
        Assert.True(Has(full, "Bank", "name-word:ORG:sometimes"));
        Assert.False(Has(full, "Bank", "name-word:ORG:mostly"));
        Assert.False(Has(full, "Bank", "name-word:PER:sometimes"));
        Assert.Equal(0u, full.Lookup(Word("sprach")));

        var without = LanguageGazetteers.Build(sentences, corpusOf, names: true, [], TextWriter.Null).Full;
        Assert.DoesNotContain(without.ListNames, list => list.StartsWith("name-word:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_training_document_sees_the_name_words_of_the_other_folds_only()
    {
        // One document per fold's block of 100 sentences: "Lehmann" is named in the first document alone.
        var sentences = Sentences(5 * 50);
        sentences[0] = new ConllSentence(["Albrecht", "Lehmann", "sprach", "."], ["B-PER", "I-PER", "O", "O"], 0);
        var corpusOf = sentences.Select(_ => "conll2003-de").ToArray();
        var gazetteers = LanguageGazetteers.Build(sentences, corpusOf, names: true, [], TextWriter.Null, tokenLists: true);

        Assert.True(Has(gazetteers.Full, "Lehmann", "name-word:PER:mostly"));
        Assert.False(Has(gazetteers.ForDocument(0), "Lehmann", "name-word:PER:mostly"));
        Assert.True(Has(gazetteers.ForDocument(0), "Schröder", "name-word:PER:mostly"));
        Assert.True(Has(gazetteers.ForDocument(sentences[^1].Document), "Lehmann", "name-word:PER:mostly"));
    }
}
