namespace Crosscheck.Ingest.Inputs;

/// <summary>
/// Bounds on what one input may be. Every article is untrusted; a limit turns a runaway input
/// into a one-line error instead of a stalled or crashed ingest.
/// </summary>
public sealed record InputLimits
{
    /// <summary>
    /// Largest file accepted (32 MB). Real article pages average ~170 KB and rarely pass 5 MB;
    /// anything bigger is an archive, a dump or an accident, and would hold the whole batch hostage.
    /// </summary>
    public long MaxFileBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>Largest single JSONL record (8 MB).</summary>
    public int MaxRecordBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>How many bytes are sniffed to decide whether a file is binary.</summary>
    public int SniffBytes { get; init; } = 64 * 1024;

    public static InputLimits Default { get; } = new();
}
