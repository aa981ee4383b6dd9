using Crosscheck.Core.Model;

namespace Crosscheck.Ingest.Inputs;

/// <summary>
/// Bounds on what one input may be. Every article is untrusted; a limit turns a runaway input
/// into a one-line error instead of a stalled or crashed ingest.
/// </summary>
public sealed record InputLimits
{
    /// <summary>
    /// Largest page, text or feed file accepted (32 MB). Real article pages average ~170 KB and
    /// rarely pass 5 MB; anything bigger is an archive, a dump or an accident, and would hold the
    /// whole batch hostage. JSONL files and WARC archives are read record by record and have no
    /// limit of their own, only <see cref="MaxRecordBytes"/>.
    /// </summary>
    public long MaxFileBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>
    /// Largest single record (8 MB): a JSONL line, a WARC response record, a feed item. Records
    /// are read one at a time, so JSONL files, archives and feeds themselves may be larger than this.
    /// </summary>
    public int MaxRecordBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>Largest WARC record header (64 KB); real headers are under 2 KB.</summary>
    public int MaxWarcHeaderBytes { get; init; } = 64 * 1024;

    /// <summary>At most this many items are read from one feed (10,000); real feeds carry 10 to 100.</summary>
    public int MaxFeedItems { get; init; } = 10_000;

    /// <summary>
    /// Most raw bytes an ingest extracts and annotates together (32 MB): a batch is processed
    /// when the next input would take it over this, whatever its count, so the memory of a run
    /// grows with this bound (or with one input, at most <see cref="MaxFileBytes"/>) rather than
    /// with the size of the files it is given. Thirty-two small pages fit; two 31 MB files are
    /// processed one after the other.
    /// </summary>
    public long MaxBatchBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>
    /// Most a gzipped JSONL file may unzip to, as a multiple of the gzip bytes read (100), once it has
    /// unzipped past <see cref="MaxFileBytes"/>; for a gzipped WARC archive, the same bound on the bytes it unzips to that
    /// do not become pages, past <see cref="MaxUnzippedSkipBytes"/>. News text and HTML unzip to 3–10 times their size, a
    /// gzip bomb to up to a thousand, so reading past this would cost time and work for bytes the file does not hold. The
    /// file is read to there and the rest skipped, named as a bomb.
    /// </summary>
    public int MaxUnzipRatio { get; init; } = 100;

    /// <summary>
    /// Bytes a gzipped WARC archive may unzip to outside its pages (padding, request, metadata and media records, records
    /// skipped by their Content-Length) before <see cref="MaxUnzipRatio"/> applies to them (256 MB). The ratio counts the
    /// gzip bytes of the whole file read so far, pages too, so a real crawl never meets it: media records (video, images,
    /// PDFs) are compressed already and unzip to about their gzip size, however large (a 5 GB video record is read past);
    /// scripts and styles unzip 3–10 times. Only bytes that compress past a hundred times (runs of one byte, zero-filled
    /// files) count toward it, and this allowance lets 256 MB of them through even at the start of a file, four times the
    /// longest padding a test reads past; a bomb costs at most about a quarter of a second of unzipping more than its ratio.
    /// </summary>
    public long MaxUnzippedSkipBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>How many bytes are sniffed to decide whether a file is binary.</summary>
    public int SniffBytes { get; init; } = 64 * 1024;

    public static InputLimits Default { get; } = new();

    /// <summary>
    /// Why a raw input read back from the store is larger than a fresh ingest of it would accept, or null when it
    /// is not: a JSON article only ever comes as a record (a JSONL line, a feed item, a POST), so
    /// <see cref="MaxRecordBytes"/> bounds it; a page or text is at most one file (<see cref="MaxFileBytes"/>).
    /// Stored inputs passed these checks when they came in, unless the limits were lower then or the store was
    /// written some other way; re-reading them (reprocess, a resumed ingest) keeps the bound that holds for new ones.
    /// </summary>
    public string? StoredProblem(RawInput raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var (limit, what) = raw.Kind == RawKind.Json ? (MaxRecordBytes, "record") : (MaxFileBytes, "input file");
        return raw.Content.Length > limit
            ? $"stored input is {Megabytes(raw.Content.Length)}, over the {Megabytes(limit)} limit for one {what}; not processed (it stays in the store)"
            : null;
    }

    /// <summary>A size in messages about these limits ("47.7 MB").</summary>
    internal static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024.0):0.#} MB";
}
