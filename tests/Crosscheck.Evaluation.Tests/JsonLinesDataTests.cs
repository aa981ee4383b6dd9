using Crosscheck.Evaluation.Clustering;
using Crosscheck.Evaluation.Events;
using Xunit;

namespace Crosscheck.Evaluation.Tests;

/// <summary>The JSON-lines data files of the evaluators: blank lines skipped, a bad line named by its number.</summary>
public sealed class JsonLinesDataTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("crosscheck-jsonl-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(params string[] lines)
    {
        var path = Path.Combine(_dir, "data.jsonl");
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public void Clustering_lines_are_read_past_blank_lines_and_a_line_that_is_not_json_is_named()
    {
        var good = Write("""{"id": "a", "event": "e1", "text": "One."}""", "", """{"id": "b", "event": "e1", "text": "Two."}""");
        Assert.Equal(["a", "b"], ClusteringEvaluator.Read(good).Select(l => l.Input.Id));

        var bad = Write("""{"id": "a", "event": "e1", "text": "One."}""", "", "{not json");
        var error = Assert.Throws<FormatException>(() => ClusteringEvaluator.Read(bad));
        Assert.StartsWith("line 3: not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Clustering_and_event_lines_missing_a_field_are_named_by_their_number()
    {
        var clustering = Write("""{"id": "a", "event": "e1", "text": "One."}""", """{"id": "b", "text": "Two."}""");
        Assert.Equal("line 2: no \"event\" (a string); each line needs id, event and text", Assert.Throws<FormatException>(() => ClusteringEvaluator.Read(clustering)).Message);

        var events = Write("""{"id": "a", "text": "The port closed.", "mentions": [{"id": "m", "start": 9, "end": 15, "cluster": "c"}]}""", """{"text": "No id."}""");
        Assert.StartsWith("line 2: ", Assert.Throws<FormatException>(() => EventsEvaluator.Read(events)).Message, StringComparison.Ordinal);
    }
}
