using System.Globalization;

namespace Crosscheck.Testing;

/// <summary>
/// The settings every randomized test kit reads: CROSSCHECK_FUZZ_SECONDS (the whole kit's time budget; set, it also
/// lifts the kits' CI caps on how many inputs they send, for exploring) and CROSSCHECK_FUZZ_SEED.
/// </summary>
public static class FuzzSettings
{
    /// <summary>The whole kit's budget in CI, in seconds, when CROSSCHECK_FUZZ_SECONDS is not set.</summary>
    private const int CiSeconds = 120;

    /// <summary>The budget asked for by hand, or null in CI.</summary>
    public static readonly int? ExplorationSeconds = Positive("CROSSCHECK_FUZZ_SECONDS");

    /// <summary>True when run by hand with a budget: no cap on inputs then.</summary>
    public static bool Exploring => ExplorationSeconds is not null;

    /// <summary>The budget of the whole kit, shared out among its tests.</summary>
    public static TimeSpan TotalBudget => TimeSpan.FromSeconds(ExplorationSeconds ?? CiSeconds);

    public static readonly int Seed = Positive("CROSSCHECK_FUZZ_SEED") ?? 17;

    private static int? Positive(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;
}
