using Crosscheck.Core.Model;
using Crosscheck.Stories.Clustering;
using Crosscheck.Testing;

namespace Crosscheck.Stories.Tests.Multilingual;

/// <summary>Documents of an identified language, and two of them scored with an option on and off.</summary>
internal static class LanguageDocuments
{
    public static Document Of(string language, string text)
    {
        var document = Docs.Of(text, language);
        document.Article.Language = language;
        return document;
    }

    /// <summary>The clusterer's score of the two documents under <paramref name="with"/> and under <paramref name="without"/>.</summary>
    public static (double With, double Without) Scores(Document first, Document second, ClusteringOptions with, ClusteringOptions without) =>
        (new StoryClusterer(with).Compare(first, second), new StoryClusterer(without).Compare(first, second));
}
