using Crosscheck.Extraction.Heuristics;
using Lingua;

namespace Crosscheck.Extraction.Language;

/// <summary>
/// Identifies the language of a body among the news languages Crosscheck reads. The Lingua
/// detector is built once per process, on first use, because loading its models is costly.
/// </summary>
internal static class LanguageIdentifier
{
    private static readonly Lazy<LanguageDetector> Accurate = new(() => Build(lowAccuracy: false), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<LanguageDetector> Fast = new(() => Build(lowAccuracy: true), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The ISO 639-1 code of <paramref name="body"/>, or null when too short or unclear.</summary>
    public static string? Identify(string body, ExtractionOptions options)
    {
        if (body.Length < options.MinLanguageChars) return null;
        var sample = body.Length > options.LanguageSampleChars ? body[..options.LanguageSampleChars] : body;
        var detector = options.LanguageLowAccuracyMode ? Fast.Value : Accurate.Value;
        var language = InlineTaskScheduler.Run(() => detector.DetectLanguageOf(sample));
        return language == Lingua.Language.Unknown ? null : language.IsoCode6391().ToString().ToLowerInvariant();
    }

    private static LanguageDetector Build(bool lowAccuracy)
    {
        var languages = new List<Lingua.Language>();
        foreach (var code in HeuristicData.NewsLanguages)
            if (Enum.TryParse<IsoCode6391>(code, ignoreCase: true, out var iso))
                languages.Add(LanguageInfo.GetByIsoCode6391(iso));
        var builder = LanguageDetectorBuilder.FromLanguages([.. languages]);
        return (lowAccuracy ? builder.WithLowAccuracyMode() : builder).Build();
    }
}
