using System.Text.Json;

namespace Crosscheck.Evaluation;

/// <summary>
/// The checks every evaluation file given by hand (ground-truth.json, gold.json, meta.json, documents.jsonl, pairs.tsv) is
/// held to before it is read: it exists as a file, is within <see cref="MaxBytes"/>, and a JSON one is of the shape its reader
/// expects. Each problem is an <see cref="EvaluationDataException"/> naming the file, what is wrong and how to fix it: a
/// malformed file is one error line, never a stack trace or a score over nothing.
/// </summary>
internal static class EvaluationFile
{
    /// <summary>Largest evaluation file read (256 MB; the benchmarks' own are under 20 MB): each is read whole or a line at a time into memory.</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    /// <summary>The fix every shape problem ends with.</summary>
    public const string FetchAgain = "fetch the benchmark again, or compare the file with the benchmark's own";

    /// <summary>Throws when the file is over <see cref="MaxBytes"/> or empty.</summary>
    public static void CheckSize(string path)
    {
        var length = new FileInfo(path).Length;
        if (length > MaxBytes)
            throw new EvaluationDataException($"{path}: is {length / (1024.0 * 1024.0):0.#} MB, over the {MaxBytes / (1024 * 1024)} MB limit for an evaluation file (the benchmarks' own are under 20 MB); {FetchAgain}");
        if (length == 0) throw new EvaluationDataException($"{path}: is empty; {FetchAgain}");
    }

    /// <summary>
    /// The file's JSON object, each of whose values <paramref name="value"/> must be of the kind named (a problem names the
    /// first key that is not); <paramref name="shape"/> says in words what the file holds ("page id -> story").
    /// </summary>
    public static Dictionary<string, JsonElement> ReadObject(string path, string shape, JsonValueKind value)
    {
        CheckSize(path);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            throw new EvaluationDataException($"{path}: is not valid JSON ({FirstSentence(ex.Message)}); it must be one JSON object of {shape}; {FetchAgain}", ex);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new EvaluationDataException($"{path}: is a JSON {Kind(root.ValueKind)}, not an object of {shape}; {FetchAgain}");
            var entries = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in root.EnumerateObject())
            {
                if (property.Value.ValueKind != value)
                    throw new EvaluationDataException($"{path}: \"{Clip(property.Name)}\" holds a JSON {Kind(property.Value.ValueKind)} where {(value == JsonValueKind.Object ? "an" : "a")} {Kind(value)} is expected ({shape}); {FetchAgain}");
                entries[property.Name] = property.Value.Clone();
            }
            return entries;
        }
    }

    /// <summary>"object", "array", "string", "number", "true or false", "null".</summary>
    public static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        _ => "null",
    };

    /// <summary>A key or value quoted in a message, at most 80 characters.</summary>
    public static string Clip(string text) => text.Length <= 80 ? text : text[..77] + "...";

    /// <summary>The first sentence of a parser's message (its line and byte position), without the rest.</summary>
    public static string FirstSentence(string message) => message.Split(". ")[0].TrimEnd('.');
}
