namespace Crosscheck.Stories.Claims;

/// <summary>How claims are grouped and when their values agree; every default is documented here.</summary>
public sealed record ClaimOptions
{
    /// <summary>Relative slack for an unhedged count ("1,000"): rounding, not disagreement. Default 2%.</summary>
    public double ExactTolerance { get; init; } = 0.02;

    /// <summary>Relative slack for a hedged value ("about", "nearly", "some"). Default 15%.</summary>
    public double HedgedTolerance { get; init; } = 0.15;

    /// <summary>
    /// How far an open bound reaches: "at least 1,000" is read as 1,000–2,000 and "up to 1,000" as
    /// 500–1,000, so it agrees with "about 1,000" but not with "5,000". Default 2.
    /// </summary>
    public double OpenBoundFactor { get; init; } = 2.0;

    /// <summary>Relative slack between money amounts after conversion to USD (exchange-rate drift). Default 5%.</summary>
    public double MoneyTolerance { get; init; } = 0.05;

    /// <summary>Counts with no counted noun say nothing comparable; they are left out unless this is set.</summary>
    public bool KeepCountsWithoutNoun { get; init; }

    /// <summary>Longest representative sentence kept in a claim, in characters (untrusted text is bounded).</summary>
    public int MaxTextLength { get; init; } = 600;
}
