namespace Crosscheck.Extraction.Html;

/// <summary>
/// How many more nodes the readings of one page may visit (<see cref="ExtractionOptions.MaxWork"/>), shared by every
/// reading of it. A count of work rather than a clock: a page cut on a loaded machine and whole on a quiet one would
/// give the same input different text, and so different annotations and stories, by the load alone.
/// </summary>
internal sealed class WorkBudget(int units)
{
    private int _left = units;

    /// <summary>Takes one unit; false once none is left.</summary>
    public bool Spend() => --_left >= 0;
}
