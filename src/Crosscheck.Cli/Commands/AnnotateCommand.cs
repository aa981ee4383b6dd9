using System.CommandLine;
using System.Globalization;
using Crosscheck.Annotation.Quotes;
using Crosscheck.Core.Model;
using Crosscheck.Core.Text;
using Crosscheck.Ingest.Inputs;

namespace Crosscheck.Cli.Commands;

/// <summary>
/// `annotate`: what extraction and the annotation stages find in some inputs, printed layer by layer
/// and stored nowhere. For rule work: see why a quote lost its speaker or a number was not read,
/// and draft the expectations of a golden spec case from the current output.
/// </summary>
public static class AnnotateCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files or directories, read as `crosscheck ingest` reads them (.html, .txt, .jsonl, WARC, feeds).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var text = new Option<string?>("--text")
        {
            Description = "Annotate this text as an article body, as it is (no extraction), instead of files; as the golden spec cases are run.",
            HelpName = "TEXT",
        };
        var grep = new Option<string?>("--grep")
        {
            Description = "Only show sentences containing this text, and the layer items inside them.",
            HelpName = "TEXT",
        };
        var published = CommonOptions.Published("Relative dates resolve against it.");
        var command = new Command("annotate", """
            Print what extraction and annotation find in inputs, layer by layer: sentences, entity mentions,
            quantities, time expressions, quotes with their speakers, citations, and diagnostics.
            Files go through extraction first, as `crosscheck ingest` does; --text is annotated as it is.
            Nothing is stored. Meant for rule work and for drafting golden spec cases.

            Examples: crosscheck annotate article.html
                      crosscheck annotate notes.txt --grep "said"
                      crosscheck annotate --text "Lina Sauer said the ferry runs again in May." --published 2024-03-01
            """)
        { paths, text, grep, published };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var hints = new IngestHints { Published = IngestCommand.ParseDate(result.GetValue(published)) };
            var filter = result.GetValue(grep);
            if (result.GetValue(text) is { } literal)
            {
                Print(Engine.AnnotateText("text", literal, hints.Published), filter, Console.Out);
                return ExitCodes.Ok;
            }
            var inputs = result.GetValue(paths) ?? [];
            if (inputs.Length == 0) throw new UserError("name files or directories to annotate, or give --text TEXT");
            var bad = false;
            foreach (var item in new InputReader().Read(inputs, hints))
            {
                switch (item)
                {
                    case RawItem raw:
                        Print(Engine.Processor.Process(raw.Raw), filter, Console.Out);
                        break;
                    case BadInput problem:
                        Console.Error.WriteLine(OneLine.Of($"error: {problem}"));
                        bad = true;
                        break;
                }
            }
            return bad ? ExitCodes.BadInput : ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>One line per layer item, in text order within each layer; with a filter, only items in matching sentences.</summary>
    public static void Print(Document document, string? filter, TextWriter output)
    {
        bool Shown(TextSpan span) => filter is null
            || (document.SentenceAt(span.Start) is { } sentence && document[sentence.Span].Contains(filter, StringComparison.Ordinal));
        string Quoted(TextSpan span) => "\"" + document[span].ReplaceLineEndings(" ") + "\"";

        var article = document.Article;
        output.WriteLine($"== {article.Source}: {article.Title ?? "(no title)"}; {article.Outlet ?? "no outlet"}; " +
            $"published {article.Published?.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "unknown"}; " +
            $"{document.Text.Length} chars, {document.Tokens.Length} tokens");
        foreach (var sentence in document.Sentences.Where(s => Shown(s.Span)))
            output.WriteLine($"sentence {sentence.Span.Start}: {document[sentence.Span].ReplaceLineEndings(" ")}");
        foreach (var mention in document.Mentions.Where(m => Shown(m.Span)))
            output.WriteLine($"mention {mention.Type} {Quoted(mention.Span)}" + (mention.Role is { } role ? $" role={role}" : ""));
        foreach (var quantity in document.Quantities.Where(q => Shown(q.Span)))
        {
            var parts = new List<string> { $"quantity {quantity.Kind} {quantity.Value.ToString("R", CultureInfo.InvariantCulture)}" };
            if (quantity.High is { } high) parts.Add("high=" + high.ToString("R", CultureInfo.InvariantCulture));
            if (quantity.Unit is { } unit) parts.Add("unit=" + unit);
            if (quantity.Qualifier != Qualifier.None) parts.Add("qualifier=" + quantity.Qualifier);
            if (quantity.Period is { } period) parts.Add("period=" + period);
            if (quantity.CountedHead is { } head) parts.Add("head=" + head);
            if (quantity.Normalized is { } normalized) parts.Add($"normalized={normalized.Value.ToString("0.##", CultureInfo.InvariantCulture)} {normalized.Unit}");
            if (quantity.Rule is { } rule) parts.Add("rule=" + rule);
            output.WriteLine(string.Join(' ', parts) + " " + Quoted(quantity.Span));
        }
        foreach (var time in document.TimeExpressions.Where(t => Shown(t.Span)))
            output.WriteLine($"time {time.Value} {time.Granularity}{(time.Relative ? " relative" : "")}{(time.Rule is { } rule ? " rule=" + rule : "")} {Quoted(time.Span)}");
        foreach (var quote in document.Quotes.Where(q => Shown(q.Span)))
        {
            var speaker = quote.SpeakerMention is { } index && index < document.Mentions.Length
                ? document[document.Mentions[index].Span]
                : quote.SpeakerDescription ?? "(no speaker)";
            var flags = quote.Cue is { } cue && AttributionRuleText.FlagsOf(cue) is { } listed ? $" flags={listed.ToString().Replace(", ", "+", StringComparison.Ordinal)}" : "";
            output.WriteLine($"quote {(quote.Direct ? "direct" : "indirect")} cue={quote.Cue ?? "-"} speaker={speaker} rule={quote.Rule ?? "-"}{flags} {Quoted(quote.Span)}");
        }
        foreach (var citation in document.Citations.Where(c => Shown(c.Span)))
            output.WriteLine($"citation {citation.Source}{(citation.IsOutlet ? " (outlet)" : "")}{(citation.Rule is { } rule ? " rule=" + rule : "")} {Quoted(citation.Span)}");
        foreach (var diagnostic in document.Diagnostics)
            output.WriteLine($"diagnostic {diagnostic.Severity} {diagnostic.Stage}: {diagnostic.Message}");
    }
}
