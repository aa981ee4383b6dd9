using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Crosscheck.Annotation.Sentences;
using Crosscheck.Annotation.Tokens;

namespace Crosscheck.Training;

/// <summary>
/// Unlabelled prose of a language for the word clusters only (<see cref="NerTrainerOptions.ClusterText"/>): the files of
/// a folder (in its subfolders too, in ordinal order) or one file, as HTML (tags dropped, a block tag ends a paragraph),
/// plain text or fortune files (a "%" line ends a paragraph), each possibly gzipped. Paragraphs are split into sentences
/// and tokens as the tagger splits an article, and a paragraph met before (a help page's navigation, a repeated notice)
/// is read once. Never labelled data: the sentences reach <see cref="ClusterBuilder"/> and nothing else.
/// </summary>
internal static partial class ClusterText
{
    /// <summary>The sentences of every readable file under <paramref name="paths"/>; a path that does not exist is an error naming it.</summary>
    public static IEnumerable<string[]> Sentences(IReadOnlyList<string> paths, TextWriter log)
    {
        foreach (var path in paths)
        {
            if (!File.Exists(path) && !Directory.Exists(path))
                throw new FileNotFoundException($"cluster text '{path}' does not exist (a folder or file of prose; the model cards name the Debian package that installs it).", path);
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var files = Directory.Exists(path)
                ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray()
                : [path];
            long read = 0, sentences = 0, tokens = 0, repeated = 0;
            foreach (var file in files)
            {
                if (ReadText(file) is not { } text) continue;
                read++;
                foreach (var paragraph in Paragraphs(text, IsHtml(file)))
                {
                    if (!seen.Add(paragraph))
                    {
                        repeated++;
                        continue;
                    }
                    foreach (var span in SentenceSplitter.Split(paragraph))
                    {
                        var words = Tokenizer.TokenStrings(span.TextOf(paragraph));
                        if (words.Length == 0) continue;
                        sentences++;
                        tokens += words.Length;
                        yield return words;
                    }
                }
            }
            log.WriteLine($"cluster text {path}: {read:N0} files, {sentences:N0} sentences, {tokens:N0} tokens ({repeated:N0} repeated paragraphs skipped)");
        }
    }

    /// <summary>The text of a file it reads (HTML, plain text, fortunes; gzipped or not), or null for any other file (images, indexes, scripts, binary).</summary>
    internal static string? ReadText(string file)
    {
        var name = Path.GetFileName(file);
        var gzipped = name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        if (gzipped) name = name[..^3];
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (extension is not ("" or ".html" or ".htm" or ".xhtml" or ".txt" or ".fortunes")) return null;
        byte[] bytes;
        try
        {
            if (gzipped)
            {
                using var input = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
                using var buffer = new MemoryStream();
                input.CopyTo(buffer);
                bytes = buffer.ToArray();
            }
            else bytes = File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return null;
        }
        // A file of no extension is read only if it is text: no NUL byte and valid UTF-8 (fortune files; not their .dat indexes).
        if (Array.IndexOf(bytes, (byte)0) >= 0) return null;
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static bool IsHtml(string file)
    {
        var name = file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? file[..^3] : file;
        return Path.GetExtension(name).ToLowerInvariant() is ".html" or ".htm" or ".xhtml";
    }

    /// <summary>The paragraphs of a text, each with its lines joined and its spaces collapsed; HTML's block tags and a fortune file's "%" lines end one.</summary>
    internal static IEnumerable<string> Paragraphs(string text, bool html)
    {
        if (html)
        {
            text = HiddenElements().Replace(text, "\n\n");
            text = BlockTags().Replace(text, "\n\n");
            text = WebUtility.HtmlDecode(Tags().Replace(text, " "));
        }
        var lines = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0 && trimmed != "%")
            {
                lines.Add(trimmed);
                continue;
            }
            if (Joined(lines) is { } paragraph) yield return paragraph;
            lines.Clear();
        }
        if (Joined(lines) is { } last) yield return last;
    }

    private static string? Joined(List<string> lines) =>
        lines.Count == 0 ? null : Spaces().Replace(string.Join(' ', lines), " ").Trim() is { Length: > 0 } joined ? joined : null;

    [GeneratedRegex(@"<(script|style|head)\b.*?</\1\s*>|<!--.*?-->", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex HiddenElements();

    [GeneratedRegex(@"</?(p|div|h[1-6]|li|ul|ol|dl|dt|dd|td|th|tr|table|br|pre|title|section|article|header|footer|nav|blockquote|figcaption|caption)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockTags();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
