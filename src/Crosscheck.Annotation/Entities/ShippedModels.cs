using System.Collections.Frozen;

namespace Crosscheck.Annotation.Entities;

/// <summary>
/// The entity models embedded in this assembly, one per language: models/ner/ner.model.gz (English) and
/// models/ner/ner.LANG.model.gz for the others (see the model cards beside them). Each is loaded the first
/// time a document in its language needs it, so a process that reads English only never pays for the others.
/// </summary>
internal static class ShippedModels
{
    /// <summary>Name of the English model as an embedded resource (models/ner/ner.model.gz).</summary>
    public const string EnglishResource = "Crosscheck.Annotation.Entities.ner.model.gz";

    public const string English = "en";

    private const string Prefix = "Crosscheck.Annotation.Entities.ner.";
    private const string Suffix = ".model.gz";

    private static readonly FrozenDictionary<string, Lazy<NerModel>> ByLanguage = Discover();

    /// <summary>The languages (ISO 639-1 codes) with a shipped model.</summary>
    public static IReadOnlyCollection<string> Languages => ByLanguage.Keys;

    /// <summary>The model for a language code, or null when none is shipped.</summary>
    public static NerModel? For(string language) => ByLanguage.TryGetValue(language, out var model) ? model.Value : null;

    /// <summary>The English model; a missing English model is a broken build, not a missing language.</summary>
    public static NerModel EnglishModel() => For(English)
        ?? throw new InvalidOperationException($"The NER model resource '{EnglishResource}' is missing from {typeof(ShippedModels).Assembly.GetName().Name}; train it with 'crosscheck train ner' into models/ner/ner.model.gz and rebuild.");

    /// <summary>
    /// A document's language as a model key: ISO 639-1, lower case, region dropped ("pt-BR" → "pt"); an
    /// unidentified language (null, as for texts too short to tell) is read as English, the default before
    /// languages were told apart.
    /// </summary>
    public static string KeyOf(string? language)
    {
        if (string.IsNullOrWhiteSpace(language)) return English;
        var code = language.Trim();
        var dash = code.IndexOfAny(['-', '_']);
        return (dash > 0 ? code[..dash] : code).ToLowerInvariant();
    }

    private static FrozenDictionary<string, Lazy<NerModel>> Discover()
    {
        var assembly = typeof(ShippedModels).Assembly;
        var models = new Dictionary<string, Lazy<NerModel>>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            string language;
            if (name == EnglishResource) language = English;
            else if (name.StartsWith(Prefix, StringComparison.Ordinal) && name.EndsWith(Suffix, StringComparison.Ordinal)
                && name.Length > Prefix.Length + Suffix.Length) language = name[Prefix.Length..^Suffix.Length];
            else continue;
            var resource = name;
            models[language] = new Lazy<NerModel>(() => Load(resource), LazyThreadSafetyMode.ExecutionAndPublication);
        }
        return models.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static NerModel Load(string resource)
    {
        using var stream = typeof(ShippedModels).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The NER model resource '{resource}' is missing.");
        return NerModel.Load(stream);
    }
}
