using Crosscheck.Evaluation.Entities;
using Xunit;

namespace Crosscheck.Evaluation.Tests;

public class NerCorporaTests
{
    private static string Sentence(params string[] tokenTags) => string.Join('\n', tokenTags) + "\n\n";

    [Fact]
    public void A_file_without_document_marks_has_one_document_per_sentence()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, Sentence("Berlin\tB-LOC", "liegt\tO") + Sentence("Anna\tB-PER", "lacht\tO") + Sentence("Ende\tO"));

            var sentences = ConllCorpus.Read(path);

            Assert.Equal([0, 1, 2], sentences.Select(s => s.Document));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void An_agency_dateline_opens_a_new_document()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path,
                Sentence("Madrid\tB-LOC", ",\tO", "23\tO", "may\tO", "(\tO", "EFE\tB-ORG", ")\tO", ".\tO")
                + Sentence("El\tO", "rey\tO", "habló\tO", ".\tO")
                + Sentence("Lima\tB-LOC", ",\tO", "24\tO", "may\tO", "(\tO", "EFECOM\tB-ORG", ")\tO", ".\tO")
                + Sentence("Subió\tO", ".\tO"));

            var sentences = ConllCorpus.Read(path);

            Assert.Equal([0, 0, 1, 1], sentences.Select(s => s.Document));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_validation_file_without_a_training_file_beside_it_is_split_and_the_parts_never_share_a_sentence()
    {
        var root = Path.Combine(Path.GetTempPath(), $"nerml-{Guid.NewGuid():N}");
        var folder = Path.Combine(root, MultilingualNerData.FolderName);
        var split = Path.Combine(folder, "wikineural-fr");
        var whole = Path.Combine(folder, "wikiann-fr");
        Directory.CreateDirectory(split);
        Directory.CreateDirectory(whole);
        try
        {
            var text = string.Concat(Enumerable.Range(0, 500).Select(i => Sentence($"Mot{i}\tB-PER", "dit\tO")));
            File.WriteAllText(Path.Combine(split, MultilingualNerData.ValidationFileName), text);
            File.WriteAllText(Path.Combine(whole, MultilingualNerData.ValidationFileName), text);
            File.WriteAllText(Path.Combine(whole, MultilingualNerData.TrainFileName), Sentence("Paris\tB-LOC"));

            Assert.True(MultilingualNerData.IsSplitValidationFile(Path.Combine(split, MultilingualNerData.ValidationFileName)));
            Assert.False(MultilingualNerData.IsSplitValidationFile(Path.Combine(whole, MultilingualNerData.ValidationFileName)));
            var (training, heldOut) = MultilingualNerData.Split(ConllCorpus.Read(Path.Combine(split, MultilingualNerData.ValidationFileName)));
            Assert.Equal(100, heldOut.Count);
            Assert.Equal(400, training.Count);
            Assert.Empty(training.Select(s => s.Tokens[0]).Intersect(heldOut.Select(s => s.Tokens[0])));

            var trainingSentences = MultilingualNerData.TrainingSentences(folder, "fr", TextWriter.Null);
            // The split file gives its training part; the other corpus its train.txt, never its val.txt.
            Assert.Equal(401, trainingSentences.Count);
            Assert.DoesNotContain(trainingSentences, s => heldOut.Any(h => h.Tokens[0] == s.Tokens[0]));
            Assert.Equal(trainingSentences.Count, trainingSentences.Select(s => s.Document).Distinct().Count());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Corpora_are_found_by_the_language_after_the_last_dash()
    {
        var root = Path.Combine(Path.GetTempPath(), $"nerml-{Guid.NewGuid():N}");
        foreach (var name in new[] { "conll2002-es", "wikiann-es", "wikiann-de", "empty-es" })
        {
            Directory.CreateDirectory(Path.Combine(root, name));
            if (name != "empty-es") File.WriteAllText(Path.Combine(root, name, MultilingualNerData.ValidationFileName), Sentence("x\tO"));
        }
        try
        {
            Assert.Equal(["conll2002-es", "wikiann-es"], MultilingualNerData.For(root, "es").Select(c => c.Name));
            Assert.Empty(MultilingualNerData.For(root, "fr"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
