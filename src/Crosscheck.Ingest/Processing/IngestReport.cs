using Crosscheck.Ingest.Inputs;

namespace Crosscheck.Ingest.Processing;

/// <summary>What an ingest did: counts for the summary line and every problem, one per input.</summary>
public sealed class IngestReport
{
    /// <summary>Articles extracted, annotated and stored by this run.</summary>
    public int Added { get; set; }

    /// <summary>Raw inputs new to the store.</summary>
    public int Stored { get; set; }

    /// <summary>Raw inputs handed to the work queue for workers to process (see <see cref="IngestService.Enqueue"/>).</summary>
    public int Queued { get; set; }

    /// <summary>Inputs whose content was already stored (re-ingest is a no-op).</summary>
    public int AlreadyStored { get; set; }

    /// <summary>
    /// Raw inputs stored by an earlier run that stopped before their articles were saved, processed
    /// by this one (counted in <see cref="Added"/> too).
    /// </summary>
    public int Resumed { get; set; }

    public List<BadInput> Errors { get; } = [];

    public List<SkippedInput> Skipped { get; } = [];

    /// <summary>Articles stored but with an empty body (extraction found nothing to keep).</summary>
    public List<string> EmptyArticles { get; } = [];

    public int Stories { get; set; }

    /// <summary>Outlets (lower-case; "" for none) of the articles added, whose recurring paragraphs are judged again.</summary>
    public HashSet<string> Outlets { get; } = new(StringComparer.Ordinal);

    /// <summary>Articles rewritten by the recurring-boilerplate pass, and the paragraphs they lost.</summary>
    public int RecurringArticles { get; set; }

    public int RecurringParagraphs { get; set; }

    public bool HasErrors => Errors.Count > 0;
}

/// <summary>Progress of a long ingest, reported after every input.</summary>
public readonly record struct IngestProgress(int Done, int? Total, string Current, string Phase);
