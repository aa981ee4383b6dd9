using System.Text.Json;
using Xunit;

namespace Crosscheck.Cli.Tests;

/// <summary>`crosscheck bench annotation --language xx`: where its text comes from, and text that once stopped it.</summary>
public sealed class BenchAnnotationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("crosscheck-bench-annotation-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void WriteSimilaritySet(string language, params string[] texts)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir, "similarity-semeval2022")).FullName;
        var ids = texts.Select((_, i) => (1000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        File.WriteAllLines(Path.Combine(folder, "articles.jsonl"),
            texts.Select((text, i) => JsonSerializer.Serialize(new { url = $"https://example.test/{ids[i]}", title = "", text })));
        File.WriteAllLines(Path.Combine(folder, "pairs.tsv"),
            ["pair_id\tlang1\tlang2\tGeography\tEntities\tTime\tNarrative\tOverall", $"{ids[0]}_{ids[^1]}\t{language}\t{language}\t1.0\t1.0\t1.0\t1.0\t1.0"]);
    }

    [Fact]
    public void Arabic_articles_with_arabic_indic_digits_are_timed_through_every_stage()
    {
        WriteSimilaritySet("ar", "انتهت المباراة ١٩-٢٠ مساء أمس في العاصمة.", "حضر ١٢٬٥٠٠ مشجع المباراة، وقال المدرب إن الفريق لعب جيدا.");

        var result = CliRunner.Run(_dir, "bench", "annotation", "--language", "ar", "--data", _dir, "--runs", "1");

        Assert.True(result.ExitCode == 0, result.Err);
        Assert.Contains("2 similarity-semeval2022 articles in 'ar'", result.Out);
        Assert.Contains("quantities", result.Out);
        Assert.Contains("all annotation stages", result.Out);
    }

    [Fact]
    public void A_language_without_articles_is_timed_on_its_entity_corpus_sentences()
    {
        WriteSimilaritySet("de", "Der Bürgermeister sprach am Montag.", "Die Brücke wurde im März 2020 eröffnet.");
        var corpus = Directory.CreateDirectory(Path.Combine(_dir, "ner-multilingual", "conll2002-nl")).FullName;
        File.WriteAllLines(Path.Combine(corpus, "train.txt"),
            ["De\tO", "burgemeester\tO", "van\tO", "Gent\tB-LOC", "sprak\tO", "maandag\tO", ".\tO", "", "Het\tO", "kost\tO", "3\tO", "miljoen\tO", "euro\tO", ".\tO", ""]);
        File.WriteAllLines(Path.Combine(corpus, "val.txt"), ["Hij\tO", "zei\tO", "niets\tO", ".\tO", ""]);

        var result = CliRunner.Run(_dir, "bench", "annotation", "--language", "nl", "--data", _dir, "--runs", "1");

        Assert.True(result.ExitCode == 0, result.Err);
        Assert.Contains("1 documents of 25 sentences from ner-multilingual in 'nl'", result.Out);
        // The two training sentences (14 words and stops), not the validation file's.
        var tokens = int.Parse(System.Text.RegularExpressions.Regex.Match(result.Out, @"(\d+) tokens \(after").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(tokens, 12, 16);
    }

    [Fact]
    public void A_language_with_no_text_anywhere_names_both_folders()
    {
        WriteSimilaritySet("de", "Der Bürgermeister sprach am Montag.", "Die Brücke wurde im März 2020 eröffnet.");

        var result = CliRunner.Run(_dir, "bench", "annotation", "--language", "pt", "--data", _dir, "--runs", "1");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("no articles in 'pt'", result.Err);
        Assert.Contains("ner-multilingual", result.Err);
    }
}
