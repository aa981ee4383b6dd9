using System.Text.Json;
using Crosscheck.Core.Model;
using Crosscheck.Stories.Statements;

namespace Crosscheck.Evaluation.Events;

/// <summary>One shown statement of a story checked against the corpus's events: each article's wording with the gold event of its mention (null when the corpus annotates none there).</summary>
public sealed record CheckedStatement(string Story, DossierStatement Statement, IReadOnlyList<(WordedMention Mention, string? Gold)> Wordings)
{
    /// <summary>Pairs of wordings (of different articles) whose mentions both have a gold event.</summary>
    public int JudgedPairs => Pairs().Count(p => p.A is not null && p.B is not null);

    /// <summary>Judged pairs whose two mentions are one gold event: the same happening reported twice.</summary>
    public int SamePairs => Pairs().Count(p => p.A is not null && p.A == p.B);

    private IEnumerable<(string? A, string? B)> Pairs()
    {
        for (var i = 0; i < Wordings.Count; i++)
        {
            for (var j = i + 1; j < Wordings.Count; j++) yield return (Wordings[i].Gold, Wordings[j].Gold);
        }
    }
}

/// <summary>What the statements check counts: shown statements, and how many of those the corpus can judge are one happening.</summary>
public sealed record StatementsCheckSummary(int Stories, int Statements, int ThreeOrMore, int Corroborated, int JudgedStatements, int SameStatements, int JudgedPairs, int SamePairs)
{
    /// <summary>The share of judged statements all of whose judged pairs are one gold event.</summary>
    public double StatementPrecision => JudgedStatements == 0 ? 0 : (double)SameStatements / JudgedStatements;

    public double PairPrecision => JudgedPairs == 0 ? 0 : (double)SamePairs / JudgedPairs;
}

/// <summary>
/// <c>crosscheck eval events FILE --statements OUT</c>: whether a statement the dossier shows as reported by several
/// articles is one happening. The documents are clustered into stories as for <see cref="EventsEvaluator"/>, each
/// story's dossier statements built as the dossier builds them (mentions detected), and each article's wording
/// judged by the corpus: its mention's gold event when it overlaps an annotated mention (ECB+ annotates the
/// sentences it validated; elsewhere a wording stays unjudged, for a reader to judge by hand from the file written).
/// </summary>
public static class StatementsCheck
{
    public static (StatementsCheckSummary Summary, List<CheckedStatement> Statements) Run(
        IReadOnlyList<EventDocument> documents, Func<string, string, Document> annotate, IReadOnlySet<int>? topics, StatementOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var (annotated, clusterer) = EventsEvaluator.Clustered(documents, annotate);
        var sourceOf = annotated.ToDictionary(a => a.Source.Id, a => a.Source, StringComparer.Ordinal);
        var checkedStatements = new List<CheckedStatement>();
        var stories = 0;
        foreach (var story in annotated.GroupBy(a => clusterer.StoryOf(a.Source.Id) ?? a.Source.Id, StringComparer.Ordinal))
        {
            // A story is checked when its documents are of the chosen topics only (a story across topics is rare and mixed).
            if (topics is not null && !story.All(a => topics.Contains(a.Source.Topic))) continue;
            stories++;
            foreach (var (statement, mentions) in new StatementStage(story.Select(a => a.Document).ToList(), null, options).BuildWithMentions())
            {
                var wordings = mentions.Select(m => (m, Gold(sourceOf[m.Document], m.Span))).ToList();
                checkedStatements.Add(new CheckedStatement(story.Key, statement, wordings));
            }
        }
        var judged = checkedStatements.Where(s => s.JudgedPairs > 0).ToList();
        var summary = new StatementsCheckSummary(
            stories, checkedStatements.Count, checkedStatements.Count(s => s.Statement.Articles.Count >= 3),
            checkedStatements.Count(s => s.Statement.Status == StatementStatus.Corroborated),
            judged.Count, judged.Count(s => s.SamePairs == s.JudgedPairs), judged.Sum(s => s.JudgedPairs), judged.Sum(s => s.SamePairs));
        return (summary, checkedStatements);
    }

    /// <summary>The gold event of the first annotated mention a span overlaps, or null.</summary>
    private static string? Gold(EventDocument source, TextSpan span) =>
        source.Mentions.FirstOrDefault(g => g.Start < span.End && span.Start < g.End)?.Cluster;

    /// <summary>One JSON line per statement: its story, predicate, status and each wording's article, mention, sentence and gold event.</summary>
    public static void Write(IEnumerable<CheckedStatement> statements, IReadOnlyDictionary<string, EventDocument> sources, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(statements);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var s in statements)
        {
            writer.WriteLine(JsonSerializer.Serialize(new
            {
                story = s.Story,
                predicate = s.Statement.Predicate,
                status = s.Statement.Status.ToString(),
                judged = s.JudgedPairs,
                same = s.SamePairs,
                wordings = s.Wordings.Select(w => new
                {
                    article = w.Mention.Document,
                    mention = sources[w.Mention.Document].Text.Substring(w.Mention.Span.Start, w.Mention.Span.Length),
                    gold = w.Gold,
                    arguments = w.Mention.Arguments,
                    named = w.Mention.Named,
                    sentence = s.Statement.Wordings.FirstOrDefault(x => x.Article == w.Mention.Document)?.Text,
                }),
            }));
        }
    }
}
