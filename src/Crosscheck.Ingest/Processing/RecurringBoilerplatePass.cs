using System.Globalization;
using System.Text.RegularExpressions;
using Crosscheck.Core.Model;
using Crosscheck.Extraction.Boilerplate;
using Crosscheck.Storage;

namespace Crosscheck.Ingest.Processing;

/// <summary>
/// The corpus-level boilerplate pass of ingest: per outlet, paragraphs recurring across unrelated
/// articles (<see cref="RecurringLineFilter"/>) are taken out of the bodies, which are then
/// annotated again. Each removal is recorded on the article as a diagnostic holding the paragraph
/// and its position, so the original body can be put back when a later ingest changes the
/// decision, and <c>reprocess</c> rebuilds everything from the raw inputs anyway.
/// Articles without an outlet are judged together, as one corpus.
/// </summary>
public sealed partial class RecurringBoilerplatePass(IStore store, ArticleProcessor processor, RecurringLineFilter filter)
{
    public const string StageName = "recurring-boilerplate";

    /// <summary>
    /// Re-decides the outlets named (all when null) and rewrites the articles whose removals
    /// change. Returns how many articles were rewritten and how many paragraphs they lost.
    /// </summary>
    public (int Articles, int Paragraphs) Run(IReadOnlySet<string>? outlets = null)
    {
        // Articles only: the decision reads bodies, and a rewritten article is annotated afresh, so
        // no stored layer is needed (decoding every document's layers was most of the pass's cost).
        var articles = (outlets is null ? store.AllArticles() : store.ArticlesOfOutlets([.. outlets])).ToList();

        // Each outlet is decided apart from the others (a function of its articles alone), so the outlets are decided in parallel,
        // each with its articles' original bodies (taken there too, off this thread); the articles whose removals change are then
        // annotated again (and serialised for the store) in parallel. Outlets go in the order of their first article with a body,
        // as one outlet after another would.
        var decided = articles.Select((article, position) => (Article: article, Position: position))
            .GroupBy(x => OutletKey(x.Article))
            .ToList()
            .AsParallel()
            .Select(group =>
            {
                var members = group.Select(x => (x.Article, Original: Original(x.Article), x.Position)).Where(x => x.Original.Length > 0).ToList();
                return members.Count >= filter.Options.MinArticles
                    ? (First: members[0].Position, Change: Changes(group.Key, [.. members.Select(m => (m.Article, m.Original))]))
                    : (First: -1, Change: default);
            })
            .Where(x => x.First >= 0)
            .OrderBy(x => x.First)
            .Select(x => x.Change)
            .ToList();
        var rebuilds = decided.SelectMany(d => d.Rebuilds).ToList();
        var removedParagraphs = decided.Sum(d => d.Paragraphs);
        var changed = rebuilds.AsParallel().AsOrdered().Select(rebuild => SerializedDocument.Of(rebuild())).ToList();
        if (changed.Count > 0) store.RunInTransaction(() => changed.ForEach(store.SaveDocument));
        return (changed.Count, removedParagraphs);
    }

    /// <summary>One outlet's decision: how to rebuild each of its articles whose removals change, and how many paragraphs they lose.</summary>
    private (List<Func<Document>> Rebuilds, int Paragraphs) Changes(string outlet, List<(Article Article, string[] Original)> members)
    {
        var decision = filter.Decide([.. members.Select(m => string.Join("\n\n", m.Original))]);
        var label = outlet.Length == 0 ? "articles without an outlet" : outlet;
        var groupsOf = decision.Recurring.Where(r => r.Boilerplate).ToDictionary(r => r.Text, r => r.Groups, StringComparer.Ordinal);
        var rebuilds = new List<Func<Document>>();
        var paragraphs = 0;
        foreach (var (article, original) in members)
        {
            var removed = Enumerable.Range(0, original.Length).Where(i => decision.Drop.Contains(original[i])).ToArray();
            if (removed.SequenceEqual(Removals(article).Select(r => r.Index))) continue;
            rebuilds.Add(() => Rebuild(article, original, removed, i => Describe(i, original[i], groupsOf.GetValueOrDefault(original[i], decision.Needed), label)));
            paragraphs += removed.Length;
        }
        return (rebuilds, paragraphs);
    }

    /// <summary>Outlets are compared case-insensitively; "" stands for articles with no outlet.</summary>
    public static string OutletKey(Article article) => StoreCommon.OutletKey(article.Outlet);

    /// <summary>The body as extraction left it: the current paragraphs with earlier removals put back in place.</summary>
    private static string[] Original(Article article)
    {
        var paragraphs = RecurringLineFilter.Paragraphs(article.Body).ToList();
        foreach (var (index, text) in Removals(article).OrderBy(r => r.Index))
            paragraphs.Insert(Math.Min(index, paragraphs.Count), text);
        return [.. paragraphs];
    }

    private Document Rebuild(Article old, string[] original, int[] removed, Func<int, string> describe)
    {
        var article = old.WithBody(string.Join("\n\n", original.Where((_, i) => Array.BinarySearch(removed, i) < 0)));
        article.Diagnostics.AddRange(old.Diagnostics.Where(d => d.Stage != StageName));
        article.Diagnostics.AddRange(removed.Select(i => new Diagnostic(StageName, DiagnosticSeverity.Info, describe(i))));
        return processor.Annotate(article);
    }

    private static string Describe(int index, string text, int groups, string outlet) =>
        string.Create(CultureInfo.InvariantCulture, $"removed paragraph {index + 1}, recurring in {groups}+ unrelated articles of {outlet}: «{text}»");

    /// <summary>Earlier removals read back from the diagnostics that recorded them (0-based index in the original body).</summary>
    private static IEnumerable<(int Index, string Text)> Removals(Article article)
    {
        foreach (var diagnostic in article.Diagnostics)
        {
            if (diagnostic.Stage != StageName) continue;
            var match = RemovalRecord().Match(diagnostic.Message);
            if (match.Success) yield return (int.Parse(match.Groups["n"].ValueSpan, CultureInfo.InvariantCulture) - 1, match.Groups["text"].Value);
        }
    }

    [GeneratedRegex(@"^removed paragraph (?<n>\d{1,6}), .*?: «(?<text>.*)»$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex RemovalRecord();
}
