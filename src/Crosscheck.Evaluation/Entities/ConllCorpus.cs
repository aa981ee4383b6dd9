using System.Text;
using System.Text.RegularExpressions;
using Crosscheck.Annotation.Entities;
using Crosscheck.Core.Model;

namespace Crosscheck.Evaluation.Entities;

/// <summary>One sentence of a CoNLL file: its tokens, their tags as written, and the document it belongs to.</summary>
public sealed record ConllSentence(string[] Tokens, string[] Tags, int Document)
{
    /// <summary>
    /// Bit t set: the sentence's corpus never annotates entity type t (WikiANN has no MISC), so an untagged word
    /// here may still be of that type. A trainer must not learn "not type t" from such a sentence.
    /// </summary>
    public int UnannotatedTypes { get; init; }

    /// <summary>The sentence as text with single spaces, and the token spans in it, as the tagger reads tokens.</summary>
    public (string Text, TextSpan[] Spans) AsText()
    {
        var builder = new StringBuilder();
        var spans = new TextSpan[Tokens.Length];
        for (var i = 0; i < Tokens.Length; i++)
        {
            if (i > 0) builder.Append(' ');
            spans[i] = new TextSpan(builder.Length, Tokens[i].Length);
            builder.Append(Tokens[i]);
        }
        return (builder.ToString(), spans);
    }

    /// <summary>Entity spans (token ranges) read from the tags; IOB1, IOB2, BIOES and BILOU are all accepted.</summary>
    public List<(int Start, int End, int Type)> Entities(Func<string, int> typeOf) => ConllCorpus.Chunks(Tags, typeOf);
}

/// <summary>Reads CoNLL-style files ("token ... tag" per line, blank line between sentences).</summary>
public static partial class ConllCorpus
{
    /// <summary>
    /// Reads a CoNLL file. Documents are split at "-DOCSTART-" lines; files without them are split before each
    /// headline that precedes a wire dateline ("BRUSSELS 1996-08-22", the IOB2 copies of CoNLL-2003 English) or
    /// at each agency dateline ("Madrid , 23 may ( EFE ) .", CoNLL-2002 Spanish), or between the articles of a file
    /// whose articles each carry the same metadata lines once (<see cref="ArticleFieldLines"/>, CoNLL-2002 Dutch); a
    /// file with none of these (WikiANN, WikiNEuRal: sentences of unrelated articles, shuffled) has one document per
    /// sentence, so that no document-level feature links sentences that have nothing to do with each other.
    /// </summary>
    public static List<ConllSentence> Read(string path)
    {
        var sentences = new List<ConllSentence>();
        var tokens = new List<string>();
        var tags = new List<string>();
        var document = 0;
        var sawDocStart = false;
        void Flush()
        {
            if (tokens.Count > 0) sentences.Add(new ConllSentence([.. tokens], [.. tags], document));
            tokens.Clear();
            tags.Clear();
        }
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                Flush();
                continue;
            }
            var fields = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (fields[0] == "-DOCSTART-")
            {
                Flush();
                sawDocStart = true;
                document++;
                continue;
            }
            tokens.Add(fields[0]);
            tags.Add(fields.Length > 1 ? fields[^1] : "O");
        }
        Flush();
        return sawDocStart ? sentences : SplitDocumentsAtDatelines(sentences);
    }

    [GeneratedRegex(@"^[A-Z][A-Z .,'/-]* \d{4}-\d{2}-\d{2}$")]
    private static partial Regex Dateline();

    /// <summary>The agency's tag in a Spanish EFE dateline: "Sao Paulo ( Brasil ) , 23 may ( EFECOM ) .".</summary>
    [GeneratedRegex(@"\( EFE\w* \)")]
    private static partial Regex AgencyDateline();

    /// <summary>
    /// The metadata lines every De Morgen article of CoNLL-2002 Dutch carries once each. That copy has lost its
    /// "-DOCSTART-" lines and its sentences are shuffled within each article (the articles stay in one piece), so these
    /// lines, wherever they fell, are what is left to tell one article from the next.
    /// </summary>
    private static readonly HashSet<string> ArticleFieldLines = ["publicatie", "publicatiedatum", "pagina", "auteur", "sectie", "editie"];

    private static List<ConllSentence> SplitDocumentsAtDatelines(List<ConllSentence> sentences)
    {
        var document = 0;
        var starts = new bool[sentences.Count];
        var any = false;
        for (var i = 1; i < sentences.Count; i++)
        {
            var line = string.Join(' ', sentences[i].Tokens);
            // A wire dateline follows its headline; an agency dateline opens its article.
            if (Dateline().IsMatch(line)) starts[i - 1] = any = true;
            else if (AgencyDateline().IsMatch(line)) starts[i] = any = true;
        }
        if (!any) any = MarkArticlesByFieldLines(sentences, starts);
        if (!any) return [.. sentences.Select((sentence, index) => sentence with { Document = index })];
        var result = new List<ConllSentence>(sentences.Count);
        for (var i = 0; i < sentences.Count; i++)
        {
            if (starts[i] && i > 0) document++;
            result.Add(sentences[i] with { Document = document });
        }
        return result;
    }

    /// <summary>
    /// Marks where each article starts in a file whose articles carry every <see cref="ArticleFieldLines"/> line once, in
    /// any order: once an article has shown all of them, the next such line is the next article's, and the article
    /// boundary is put halfway between the two (the sentences in between could be either's). A line the current article
    /// has already shown before showing them all opens the next article there. False (and nothing marked) when no article
    /// shows them all: a file of other sentences that happen to be one of these words is no such file.
    /// </summary>
    private static bool MarkArticlesByFieldLines(List<ConllSentence> sentences, bool[] starts)
    {
        var shown = new HashSet<string>(StringComparer.Ordinal);
        var lastField = -1;
        var any = false;
        var complete = false;
        for (var i = 0; i < sentences.Count; i++)
        {
            if (sentences[i].Tokens is not [var field] || !ArticleFieldLines.Contains(field)) continue;
            if (shown.Count == ArticleFieldLines.Count)
            {
                starts[lastField + 1 + (i - lastField - 1 + 1) / 2] = any = true;
                shown.Clear();
            }
            else if (shown.Contains(field))
            {
                starts[i] = any = true;
                shown.Clear();
            }
            shown.Add(field);
            complete |= shown.Count == ArticleFieldLines.Count;
            lastField = i;
        }
        if (complete) return any;
        Array.Clear(starts);
        return false;
    }

    /// <summary>Entity chunks from tags in any of the usual encodings, the conlleval way: a type change or B-/S-/U- starts a new chunk.</summary>
    public static List<(int Start, int End, int Type)> Chunks(IReadOnlyList<string> tags, Func<string, int> typeOf)
    {
        var chunks = new List<(int, int, int)>();
        var start = -1;
        var type = -1;
        var typeName = "";
        for (var i = 0; i <= tags.Count; i++)
        {
            var tag = i < tags.Count ? tags[i] : "O";
            var dash = tag.IndexOf('-');
            var prefix = dash > 0 ? tag[..dash] : tag;
            var name = dash > 0 ? tag[(dash + 1)..] : "";
            var inside = prefix is "I" or "E" or "L";
            var continues = start >= 0 && inside && name == typeName;
            if (!continues && start >= 0)
            {
                if (type >= 0) chunks.Add((start, i, type));
                start = -1;
            }
            if (tag == "O" || dash <= 0)
            {
                start = -1;
                continue;
            }
            if (!continues)
            {
                start = i;
                typeName = name;
                type = typeOf(name);
            }
            if (prefix is "E" or "L" or "S" or "U")
            {
                if (type >= 0) chunks.Add((start, i + 1, type));
                start = -1;
            }
        }
        return chunks;
    }

    public static int ConllType(string name) => Bilou.ParseType(name);
}
