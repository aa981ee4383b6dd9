using Crosscheck.Evaluation.Clustering;
using Crosscheck.Evaluation.Entities;
using Crosscheck.Evaluation.Events;
using Crosscheck.Evaluation.Extraction;
using Crosscheck.Evaluation.Similarity;
using Xunit;

namespace Crosscheck.Evaluation.Tests;

/// <summary>
/// Evaluation files given by hand, malformed, of the wrong shape, empty or huge: each is one <see cref="EvaluationDataException"/>
/// naming the file and the fix (the CLI prints it as one error line, exit 1), never another exception (a stack trace) or a
/// score over nothing. Hand-made files; hostile4's probes of docs/BENCHMARKS.md.
/// </summary>
public sealed class EvaluationFileTests : IDisposable
{
    private const string Page = "<html><body><article><p>The lake ferry will run four crossings a day from November.</p></article></body></html>";
    private const string Truth = """{"p1": {"articleBody": "The lake ferry will run four crossings a day.", "url": "https://lakeside.example/p1"}}""";

    private readonly string _dir = Directory.CreateTempSubdirectory("crosscheck-eval-files-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Benchmark(string name, string truth, string? meta = null, string? gold = null)
    {
        var dir = Directory.CreateDirectory(Path.Combine(_dir, name, "html")).Parent!.FullName;
        File.WriteAllText(Path.Combine(dir, "html", "p1.html"), Page);
        File.WriteAllText(Path.Combine(dir, "ground-truth.json"), truth);
        if (meta is not null) File.WriteAllText(Path.Combine(dir, "meta.json"), meta);
        if (gold is not null) File.WriteAllText(Path.Combine(dir, "gold.json"), gold);
        return dir;
    }

    private string File1(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Theory]
    [InlineData("[1, 2]", "ground-truth.json: is a JSON array, not an object of page id -> {\"articleBody\": text, \"url\": address}; fetch the benchmark again")]
    [InlineData("null", "ground-truth.json: is a JSON null, not an object of page id")]
    [InlineData("""{"p1": 5}""", "ground-truth.json: \"p1\" holds a JSON number where an object is expected (page id -> {\"articleBody\"")]
    [InlineData("""{"p1": {"articleBody": 7}}""", "ground-truth.json: page \"p1\" has a number for \"articleBody\" where a string is expected; fetch the benchmark again")]
    [InlineData("""{"p1": {"articleBody": "The lake""", "ground-truth.json: is not valid JSON (Expected end of string, but instead reached end of data); it must be one JSON object of page id")]
    [InlineData("{}", "ground-truth.json: lists no page, so nothing can be scored; fetch the benchmark again")]
    [InlineData("", "ground-truth.json: is empty; fetch the benchmark again")]
    public void A_malformed_ground_truth_is_one_error_naming_it_and_the_fix(string truth, string expected)
    {
        var dir = Benchmark("bench", truth);

        var error = Assert.Throws<EvaluationDataException>(() => BenchmarkDirectory.Load(dir));

        Assert.StartsWith(Path.Combine(dir, expected), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_meta_json_of_the_wrong_shape_is_named()
    {
        var dir = Benchmark("bench", Truth, meta: """{"p1": "article"}""");

        var error = Assert.Throws<EvaluationDataException>(() => BenchmarkDirectory.Load(dir));

        Assert.StartsWith(Path.Combine(dir, "meta.json") + ": \"p1\" holds a JSON string where an object is expected", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"p1": 5}""", "gold.json: \"p1\" holds a JSON number where a string is expected (page id -> story (a string))")]
    [InlineData("""["p1"]""", "gold.json: is a JSON array, not an object of page id -> story")]
    [InlineData("{}", "gold.json: no labelled pages; it must be one JSON object of page id -> story")]
    [InlineData("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", "gold.json: is not valid JSON (The maximum configured depth of 64 has been exceeded")]
    public void A_malformed_gold_json_is_one_error_naming_it(string gold, string expected)
    {
        var dir = Benchmark("stories", Truth, gold: gold);

        var error = Assert.Throws<EvaluationDataException>(() => ClusteringEvaluator.ReadPages(dir));

        Assert.StartsWith(Path.Combine(dir, expected), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_that_are_not_objects_and_events_missing_fields_say_what_each_line_needs()
    {
        var array = File1("array.jsonl", "[1, 2]\n");
        var events = File1("events.jsonl", """{"id": "a", "text": "The port closed.", "mentions": [{"id": "m", "start": 9}]}""" + "\n");
        var mentions = File1("mentions.jsonl", """{"id": "a", "text": "The port closed.", "mentions": {"id": "m"}}""" + "\n");

        Assert.Equal("line 1: a JSON array, not an object; each line must be one JSON object {…}", Assert.Throws<FormatException>(() => ClusteringEvaluator.Read(array)).Message);
        // Was "The given key was not present in the dictionary."
        Assert.Equal("line 1: mention m: no whole-number \"end\"", Assert.Throws<FormatException>(() => EventsEvaluator.Read(events)).Message);
        Assert.Equal("line 1: \"mentions\" is a JSON object, not an array", Assert.Throws<FormatException>(() => EventsEvaluator.Read(mentions)).Message);
    }

    [Fact]
    public void An_empty_or_oversized_data_file_is_refused_before_it_is_read()
    {
        var empty = File1("empty.jsonl", "");
        var huge = Path.Combine(_dir, "huge.jsonl");
        using (var file = File.Create(huge)) file.SetLength(EvaluationFile.MaxBytes + 1);

        Assert.Equal($"{empty}: is empty; fetch the benchmark again, or compare the file with the benchmark's own", Assert.Throws<EvaluationDataException>(() => ClusteringEvaluator.Read(empty)).Message);
        Assert.StartsWith($"{huge}: is 256 MB, over the 256 MB limit for an evaluation file", Assert.Throws<EvaluationDataException>(() => ClusteringEvaluator.Read(huge)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    public void A_rating_that_is_not_a_finite_number_is_named_by_its_line(string rating)
    {
        var pairs = File1("pairs.tsv", $"pair_id\tlang1\tlang2\tOverall\n1_2\ten\ten\t2.0\n3_4\ten\tde\t{rating}\n");

        var error = Assert.Throws<EvaluationDataException>(() => SimilarityEvaluator.ReadPairs(pairs));

        Assert.Equal($"{pairs}#3: Overall {rating} is not a number (a rating such as 1.5)", error.Message);
    }

    [Theory]
    [InlineData("{\"not\": \"conll\"}\n[1, 2, 3]\n", "sentence 1, token '{\"not\":' has the tag '\"conll\"}', which is not an entity tag; give a CoNLL file")]
    [InlineData("The\nferry\nruns\n\nOn\ntime\n", "tags no entity (every token is O, or the lines have no tag), so there is nothing to score; give a CoNLL file")]
    public void A_file_that_is_not_CoNLL_is_refused_instead_of_scored_as_nothing(string content, string expected)
    {
        var path = File1("not-conll.txt", content);

        var error = Assert.Throws<EvaluationDataException>(() => NerEvaluator.Evaluate(path));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
