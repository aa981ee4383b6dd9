using Crosscheck.Evaluation.Entities;
using Xunit;

namespace Crosscheck.Evaluation.Tests;

public class NerCorporaTests
{
    private static string Sentence(params string[] tokenTags) => string.Join('\n', tokenTags) + "\n\n";

    /// <summary>The sentences of a CoNLL file holding <paramref name="content"/>.</summary>
    private static List<ConllSentence> ReadText(string content)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, content);
            return ConllCorpus.Read(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_file_without_document_marks_has_one_document_per_sentence()
    {
        var sentences = ReadText(Sentence("Berlin\tB-LOC", "liegt\tO") + Sentence("Anna\tB-PER", "lacht\tO") + Sentence("Ende\tO"));

        Assert.Equal([0, 1, 2], sentences.Select(s => s.Document));
    }

    [Fact]
    public void An_agency_dateline_opens_a_new_document()
    {
        var sentences = ReadText(
            Sentence("Madrid\tB-LOC", ",\tO", "23\tO", "may\tO", "(\tO", "EFE\tB-ORG", ")\tO", ".\tO")
            + Sentence("El\tO", "rey\tO", "habló\tO", ".\tO")
            + Sentence("Lima\tB-LOC", ",\tO", "24\tO", "may\tO", "(\tO", "EFECOM\tB-ORG", ")\tO", ".\tO")
            + Sentence("Subió\tO", ".\tO"));

        Assert.Equal([0, 0, 1, 1], sentences.Select(s => s.Document));
    }

    [Fact]
    public void Articles_that_each_carry_the_metadata_lines_once_are_told_apart_halfway_between_their_lines()
    {
        string[] fields = ["publicatie", "publicatiedatum", "pagina", "auteur", "sectie", "editie"];
        string Field(string name) => Sentence($"{name}\tO");
        var first = string.Concat(fields.Take(3).Select(Field)) + Sentence("Gent\tB-LOC", "wint\tO") + string.Concat(fields.Skip(3).Select(Field));
        // Two sentences between the first article's last metadata line and the second article's first: one each.
        var between = Sentence("Jan\tB-PER", "lacht\tO") + Sentence("Piet\tB-PER", "zingt\tO");
        var second = string.Concat(fields.Reverse().Select(Field)) + Sentence("Einde\tO");
        // A line the article has already shown, before it has shown them all, opens the next article at once.
        var third = Field("sectie") + Field("pagina") + Field("pagina");

        var sentences = ReadText(first + between + second + third);

        Assert.Equal([.. Enumerable.Repeat(0, 8), 1, .. Enumerable.Repeat(1, 6), 1, 2, 2, 3], sentences.Select(s => s.Document));
    }

    [Fact]
    public void A_file_where_no_article_shows_every_metadata_line_has_one_document_per_sentence()
    {
        var sentences = ReadText(Sentence("auteur\tO") + Sentence("Anna\tB-PER", "schrijft\tO") + Sentence("sectie\tO") + Sentence("auteur\tO"));

        Assert.Equal([0, 1, 2, 3], sentences.Select(s => s.Document));
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
    public void Evaluating_a_split_file_scores_its_held_out_part_and_only_the_types_it_annotates()
    {
        var root = Path.Combine(Path.GetTempPath(), $"nerml-{Guid.NewGuid():N}");
        var dir = Path.Combine(root, MultilingualNerData.FolderName, "wikineural-tr");
        Directory.CreateDirectory(dir);
        try
        {
            var file = Path.Combine(dir, MultilingualNerData.ValidationFileName);
            File.WriteAllText(file, string.Concat(Enumerable.Range(0, 500).Select(i => Sentence("Dün\tO", "Ahmet\tB-PER", $"Yılmaz{i}\tI-PER", "geldi\tO"))));

            var evaluation = NerEvaluator.Evaluate(file, language: "tr");

            Assert.False(evaluation.ModelForLanguage);
            Assert.Equal((100, 500), evaluation.HeldOutPart);
            Assert.Equal(100, evaluation.Overall.Gold);
            Assert.Equal(["PER"], evaluation.PerType.Select(t => t.Type));
            Assert.Equal(["ORG", "LOC", "MISC"], evaluation.UnscoredTypes);
            // The fallback's mentions are all MISC, a type this file never annotates: nothing is counted as found.
            Assert.Equal(0, evaluation.Overall.Found);
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
