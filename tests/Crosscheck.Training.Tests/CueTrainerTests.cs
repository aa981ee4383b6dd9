using Crosscheck.Annotation.Quotes;

namespace Crosscheck.Training.Tests;

/// <summary>
/// The learned cue detector's trainer: it reads the annotated cues of the folds it is given, learns the words that head them, and
/// never reads the articles of the other folds.
/// </summary>
public class CueTrainerTests
{
    // Four articles: fold i of 4 holds article i (file-name order). Each annotates "resents" as a cue; one annotates
    // "cherishes" too, but it is in the fold left out.
    private static readonly string[] Texts =
    [
        "Jane Doe resents the plan to close the harbour. The boats stayed in the bay.",
        "The skipper resents the new quota for the spring. The nets were mended.",
        "The mayor resents the ferry timetable. The quay was repaired in May.",
        "The keeper cherishes the old lighthouse. The fog lifted at noon.",
    ];

    [Fact]
    public void The_trained_model_takes_the_annotated_cue_words_of_its_folds_and_no_other_fold_s()
    {
        var root = Directory.CreateTempSubdirectory("cue-trainer-");
        try
        {
            var text = Directory.CreateDirectory(Path.Combine(root.FullName, "text"));
            var attributions = Directory.CreateDirectory(Path.Combine(root.FullName, "attributions"));
            for (var i = 0; i < Texts.Length; i++)
            {
                var body = Texts[i];
                var cue = body.Contains("resents", StringComparison.Ordinal) ? "resents" : "cherishes";
                var start = body.IndexOf(cue, StringComparison.Ordinal);
                File.WriteAllText(Path.Combine(text.FullName, $"a{i}.txt"), body);
                File.WriteAllText(Path.Combine(attributions.FullName, $"a{i}_ann1.ann"), $"T1\tCue {start} {start + cue.Length}\t{cue}\n");
            }

            var model = CueTrainer.Train(root.FullName, new CueTrainerOptions { Folds = [1, 2, 3], FoldCount = 4, MinStemCount = 1, MinFeatureCount = 1, Epochs = 20 }, new StringWriter());

            Assert.Contains(CueFeatures.StemOf("resents"), (IReadOnlySet<string>)model.Stems);
            Assert.DoesNotContain(CueFeatures.StemOf("cherishes"), (IReadOnlySet<string>)model.Stems);
            var cueWord = model.Probability(["w=resents", "st=" + CueFeatures.StemOf("resents"), "s3=nts", "s2=ts"]);
            var otherWord = model.Probability(["w=stayed", "st=" + CueFeatures.StemOf("stayed"), "s3=yed", "s2=ed"]);
            Assert.True(cueWord > otherWord, $"cue {cueWord} against {otherWord}");
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData(0.0, false)]
    [InlineData(1.0, true)]
    public void A_stem_none_of_whose_training_words_scores_near_the_threshold_is_no_longer_scored(double margin, bool scored)
    {
        // "tallied" heads an annotated cue once and stands five more times in the same sentence unannotated: the model can give
        // it no more than about one chance in six, so with no margin its stem leaves the scored ones; "resents" stays.
        var root = WriteTalliedArticles();
        try
        {

            var model = CueTrainer.Train(root.FullName,
                new CueTrainerOptions { Folds = [1, 2, 3], FoldCount = 4, MinStemCount = 1, MinFeatureCount = 1, Epochs = 20, StemMargin = margin }, new StringWriter());

            Assert.Contains(CueFeatures.StemOf("resents"), (IReadOnlySet<string>)model.Stems);
            Assert.Equal(scored, model.Stems.Contains(CueFeatures.StemOf("tallied")));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_threshold_does_not_enter_the_fit_so_a_lower_threshold_with_a_negative_margin_writes_the_same_model_but_its_threshold_line()
    {
        // The model card's command: --threshold 0.45 --stem-margin -0.05 must write what --threshold 0.5 --stem-margin 0 writes
        // (weights, bias, the stems reaching 0.5) but for the first line.
        var root = WriteTalliedArticles();
        try
        {

            var options = new CueTrainerOptions { Folds = [1, 2, 3], FoldCount = 4, MinStemCount = 1, MinFeatureCount = 1, Epochs = 20 };
            var atHalf = Lines(CueTrainer.Train(root.FullName, options with { Threshold = 0.5, StemMargin = 0 }, new StringWriter()));
            var lower = Lines(CueTrainer.Train(root.FullName, options with { Threshold = 0.45, StemMargin = -0.05 }, new StringWriter()));

            Assert.Equal("threshold\t0.5", atHalf[0]);
            Assert.Equal("threshold\t0.45", lower[0]);
            Assert.Contains("stem\t" + CueFeatures.StemOf("resents"), lower);
            Assert.Equal(atHalf[1..], lower[1..]);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private static string[] Lines(LearnedCueModel model)
    {
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        using var gzip = new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    // Four articles of one text: "resents" is annotated as a cue in each, "tallied" once (in the first) of its eight uses.
    private static DirectoryInfo WriteTalliedArticles()
    {
        const string body = "The mayor resents the plan. The clerk tallied the boxes. The clerk tallied the boxes.";
        var root = Directory.CreateTempSubdirectory("cue-trainer-");
        var text = Directory.CreateDirectory(Path.Combine(root.FullName, "text"));
        var attributions = Directory.CreateDirectory(Path.Combine(root.FullName, "attributions"));
        for (var i = 0; i < 4; i++)
        {
            File.WriteAllText(Path.Combine(text.FullName, $"a{i}.txt"), body);
            var resents = body.IndexOf("resents", StringComparison.Ordinal);
            var ann = $"T1\tCue {resents} {resents + 7}\tresents\n";
            var tallied = body.IndexOf("tallied", StringComparison.Ordinal);
            if (i == 0) ann += $"T2\tCue {tallied} {tallied + 7}\ttallied\n";
            File.WriteAllText(Path.Combine(attributions.FullName, $"a{i}_ann1.ann"), ann);
        }

        return root;
    }
}
