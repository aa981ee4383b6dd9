using System.Text.Json;

namespace Crosscheck.Evaluation;

/// <summary>The JSON-lines data files the evaluators read: one JSON object per line, blank lines skipped.</summary>
internal static class JsonLinesFile
{
    /// <summary>
    /// Each non-blank line of <paramref name="path"/>, parsed and turned into a row by <paramref name="read"/>. A line
    /// that is not JSON, or that <paramref name="read"/> rejects (a missing or mistyped field: <see cref="FormatException"/>,
    /// <see cref="KeyNotFoundException"/>, <see cref="InvalidOperationException"/>), throws a <see cref="FormatException"/>
    /// that names its line number.
    /// </summary>
    public static List<T> Read<T>(string path, Func<JsonElement, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        EvaluationFile.CheckSize(path);
        var rows = new List<T>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                using var json = JsonDocument.Parse(line);
                if (json.RootElement.ValueKind != JsonValueKind.Object)
                    throw new FormatException($"a JSON {EvaluationFile.Kind(json.RootElement.ValueKind)}, not an object; each line must be one JSON object {{…}}");
                rows.Add(read(json.RootElement));
            }
            catch (JsonException ex)
            {
                throw new FormatException($"line {number}: not valid JSON ({EvaluationFile.FirstSentence(ex.Message)}); each line must be one JSON object {{…}}", ex);
            }
            catch (Exception ex) when (ex is FormatException or KeyNotFoundException or InvalidOperationException)
            {
                throw new FormatException($"line {number}: {ex.Message}", ex);
            }
        }
        return rows;
    }
}
