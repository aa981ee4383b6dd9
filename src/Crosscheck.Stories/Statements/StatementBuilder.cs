using System.Globalization;
using Crosscheck.Annotation.Events;
using Crosscheck.Core.Model;
using Crosscheck.Stories.Consolidation;
using Crosscheck.Stories.Entities;
using Crosscheck.Stories.Provenance;

namespace Crosscheck.Stories.Statements;

/// <summary>Bounds of the statements section.</summary>
/// <param name="MinArticles">A statement must be reported by this many articles (a lone report stays in its article).</param>
/// <param name="MaxStatements">The most statements a dossier lists.</param>
public sealed record StatementOptions(int MinArticles = 2, int MaxStatements = 40)
{
    public static readonly StatementOptions Default = new();
}

/// <summary>
/// The statements of a story: every event mention of every sentence (<see cref="EventMentionDetector"/>) with
/// its participants — the nearest entity before the predicate (its subject) and after it (its object; swapped in
/// a passive, "Y was bought by X"); mentions of one predicate class join when
/// they share a participant, or their sentences a name not every article of the story names, unless they are look-alikes (one participant shared, the other
/// different), so "X acquired Y" and "Y was bought by X" are one statement and "X acquired Z" another. A denial ("X denied acquiring Y") joins the
/// statement it denies and makes it contested. Saying itself is no statement (what is said is).
/// </summary>
internal sealed class StatementBuilder(StatementOptions options)
{
    public IReadOnlyList<DossierStatement> Build(IReadOnlyList<DocumentView> views, ResolvedEntities entities, OriginResolver origins) =>
        BuildLinked(views, entities, origins).Statements;

    /// <summary>The statements, and the sentences of their wordings for linking figures and quotes to them.</summary>
    public (IReadOnlyList<DossierStatement> Statements, StatementLinks Links) BuildLinked(IReadOnlyList<DocumentView> views, ResolvedEntities entities, OriginResolver origins)
    {
        var reports = views.SelectMany(view => Reports(view, entities, origins, DetectedMentions));
        var ranked = Groups(reports, views.Count)
            .Where(g => g.Reports.Select(r => r.View).Distinct().Count() >= options.MinArticles)
            .Select(g => (Statement: ToStatement(g), Wordings: Wordings(g)))
            .OrderByDescending(x => x.Statement.Origins.Count)
            .ThenByDescending(x => x.Statement.Articles.Count)
            .ThenBy(x => x.Statement.Id, StringComparer.Ordinal)
            .Take(options.MaxStatements)
            .ToList();
        var links = new StatementLinks();
        foreach (var (statement, wordings) in ranked)
        {
            foreach (var report in wordings) links.Add(report.View, report.Sentence, statement.Id);
        }
        return (ranked.Select(x => x.Statement).ToList(), links);
    }

    /// <summary>
    /// The events of the story's reports: each report joins the first group of its predicate class that accepts
    /// it, and groups kept apart only by the order of their reports are joined (<see cref="Merged"/>).
    /// </summary>
    /// <param name="reports">The story's reports, in story order.</param>
    /// <param name="articles">How many articles the story has (an entity all of them name is not distinctive).</param>
    internal static IEnumerable<Group> Groups(IEnumerable<Report> reports, int articles)
    {
        var groups = new Dictionary<string, List<Group>>(StringComparer.Ordinal);
        // An entity every article names is the story's common ground: two sentences naming it tell nothing of one event.
        bool Distinctive(DossierEntity entity) => entity.Articles.Count < articles;
        foreach (var report in reports)
        {
            if (!groups.TryGetValue(report.Predicate, out var list)) groups[report.Predicate] = list = [];
            var group = list.Find(g => g.Accepts(report));
            if (group is null) list.Add(group = new Group(report.Predicate, Distinctive));
            group.Add(report);
        }
        return groups.Values.SelectMany(Merged);
    }

    /// <summary>The event mentions the detector finds in one sentence of a view: what a dossier groups.</summary>
    private static IEnumerable<EventMention> DetectedMentions(DocumentView view, TextSpan sentence) =>
        EventMentionDetector.Detect(view.Text, sentence.Start, sentence.End);

    /// <summary>The report behind each article's wording (its first), in story order.</summary>
    // An article that also denies the event is shown by its denial: the status says "contested" from any denial,
    // and a reader must see the words that made it so.
    private static List<Report> Wordings(Group group) =>
        group.Reports.GroupBy(r => r.View).OrderBy(g => g.Key.Index)
            .Select(g => g.FirstOrDefault(r => r.Mention.Polarity == EventPolarity.Negated) ?? g.First()).ToList();

    /// <summary>
    /// Groups of one predicate that came apart only because their reports arrived in another order are joined:
    /// two groups sharing a participant join unless they are look-alikes of each other.
    /// </summary>
    private static List<Group> Merged(List<Group> groups)
    {
        var merged = true;
        while (merged)
        {
            merged = false;
            for (var i = 0; i < groups.Count && !merged; i++)
            {
                for (var j = i + 1; j < groups.Count && !merged; j++)
                {
                    if (!groups[i].Joins(groups[j])) continue;
                    foreach (var report in groups[j].Reports) groups[i].Add(report);
                    groups.RemoveAt(j);
                    merged = true;
                }
            }
        }
        return groups;
    }

    /// <summary>
    /// The reports of one view: each event mention of <paramref name="mentionsIn"/> (given a sentence) that is a
    /// statement, with its participants, the story entities of its sentence. Saying and
    /// light verbs, mentions inside a name, and mentions in sentences naming no entity make none.
    /// </summary>
    internal static IEnumerable<Report> Reports(DocumentView view, ResolvedEntities entities, OriginResolver origins, Func<DocumentView, TextSpan, IEnumerable<EventMention>> mentionsIn)
    {
        var text = view.Text;
        var citations = origins.CitationSpans(view).ToArray();
        // Entity mentions in text order with their story entity; outlets cited as sources are not participants.
        var participants = new List<(TextSpan Span, DossierEntity Entity)>();
        for (var i = 0; i < view.Mentions.Length; i++)
        {
            if (!view.ValidMention[i] || entities.Of(view.Index, i) is not { } entity) continue;
            var span = view.Mentions[i].Span;
            if (Array.Exists(citations, c => c.Overlaps(span))) continue;
            participants.Add((span, entity));
        }
        participants.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        foreach (var sentence in view.Document.Sentences)
        {
            var span = sentence.Span;
            if (!view.IsInBounds(span)) continue;
            var inSentence = participants.Where(p => p.Span.Start >= span.Start && p.Span.End <= span.End).ToList();
            if (inSentence.Count == 0) continue;
            foreach (var mention in mentionsIn(view, span))
            {
                // Saying is how a statement is reported, not a statement; warning, denying, announcing are.
                if (PredicateLexicon.IsSaying(mention.Predicate) || PredicateLexicon.IsLight(mention.Predicate)) continue;
                if (inSentence.Exists(p => p.Span.Overlaps(mention.Span))) continue;
                var before = inSentence.LastOrDefault(p => p.Span.End <= mention.Span.Start).Entity;
                var passive = NextWordIs(text, mention.Span.End, span.End, "by");
                var after = inSentence.FirstOrDefault(p => p.Span.Start >= mention.Span.End).Entity;
                var (subject, obj) = passive ? (after, before) : (before, after);
                if (subject is null && obj is null) continue;
                var context = inSentence.Select(p => p.Entity).Distinct().ToArray();
                yield return new Report(view, mention, mention.Predicate, subject, obj, context, span, origins.OriginOf(view, mention.Span.Start));
            }
        }
    }

    private static bool NextWordIs(string text, int from, int end, string word)
    {
        var i = from;
        while (i < end && char.IsWhiteSpace(text[i])) i++;
        return i + word.Length <= end && string.CompareOrdinal(text, i, word, 0, word.Length) == 0
            && (i + word.Length == end || !char.IsLetter(text[i + word.Length]));
    }

    private DossierStatement ToStatement(Group group)
    {
        var byArticle = Wordings(group);
        var first = byArticle
            .OrderBy(r => r.View.Article.Published?.Value ?? DateTimeOffset.MaxValue)
            .ThenBy(r => r.View.Index)
            .First();
        var asserted = byArticle.Where(r => r.Mention.Polarity != EventPolarity.Negated).ToList();
        var origins = asserted.GroupBy(r => r.Origin, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Min(r => r.View.Index))
            .Select(g => g.Key).ToList();
        var status = group.Reports.Exists(r => r.Mention.Polarity == EventPolarity.Negated) ? StatementStatus.Contested
            : origins.Count >= 2 ? StatementStatus.Corroborated
            : StatementStatus.SingleOrigin;
        var representative = asserted.Count > 0 ? asserted.OrderBy(r => r.View.Article.Published?.Value ?? DateTimeOffset.MaxValue).ThenBy(r => r.View.Index).First() : first;
        return new DossierStatement
        {
            Id = Folding.StableId("s-", group.Predicate, first.View.Id, first.Mention.Span.Start.ToString(CultureInfo.InvariantCulture)),
            // A class is named by its first word; a word of no class by its lemma (its key may lack a final e).
            Predicate = group.Predicate.StartsWith('=') ? group.Predicate[1..] : PredicateLexicon.Lemma(first.View.TextOf(first.Mention.Span)),
            Text = Folding.Clean(representative.View.TextOf(representative.Sentence), 400),
            Participants = group.Participants.Select(e => e.Name).Distinct(StringComparer.Ordinal).ToList(),
            Articles = byArticle.Select(r => r.View.Id).ToList(),
            Origins = origins,
            Status = status,
            FirstArticle = first.View.Id,
            FirstOutlet = ArticleOutlet.Known(first.View.Article) ?? ArticleOutlet.Unknown,
            FirstSeen = first.View.Article.Published?.Value,
            Wordings = byArticle.Select(r => new StatementWording(
                r.View.Id, Folding.Clean(r.View.TextOf(r.Sentence), 400), r.Origin, r.Mention.Polarity.ToString().ToLowerInvariant())).ToList(),
        };
    }

    internal sealed record Report(
        DocumentView View, EventMention Mention, string Predicate, DossierEntity? Subject, DossierEntity? Object, DossierEntity[] Context,
        TextSpan Sentence, string Origin);

    /// <summary>The reports of one event so far, with the participants they name.</summary>
    /// <param name="predicate">The predicate class of its reports.</param>
    /// <param name="distinctive">Whether an entity is named by only some of the story's articles (so two sentences naming it likely tell one event).</param>
    internal sealed class Group(string predicate, Func<DossierEntity, bool> distinctive)
    {
        private readonly List<DossierEntity> _context = [];
        private readonly List<DossierEntity> _subjects = [];
        private readonly List<DossierEntity> _objects = [];

        public string Predicate { get; } = predicate;

        public List<Report> Reports { get; } = [];

        public List<DossierEntity> Participants { get; } = [];

        /// <summary>
        /// A report joins when it names one of the group's participants in any role, or its sentence names an entity
        /// the group's sentences name that not every article of the story names (outlets put the actors of one event
        /// in other roles and other words: "the closure of the Harlow plant" beside "shutting the factory in Essex"),
        /// unless it is a look-alike: the same subject with another object ("X acquired Z" beside "X acquired Y"),
        /// or the same object with another subject. Times are no look-alike test: on the ECB+ choosing topics, keeping
        /// apart reports whose sentences name only other dates split one event told with other dates ("Monday", "5 March")
        /// more often than it kept two events apart (docs/BENCHMARKS.md, events8).
        /// </summary>
        public bool Accepts(Report report)
        {
            if (Names(_subjects, report.Subject) && Conflicts(_objects, report.Object)) return false;
            if (Names(_objects, report.Object) && Conflicts(_subjects, report.Subject)) return false;
            return Names(Participants, report.Subject) || Names(Participants, report.Object) || SharesDistinctive(_context, report.Context);
        }

        /// <summary>Whether another group of the same predicate tells the same event: a shared participant and no look-alike difference.</summary>
        public bool Joins(Group other)
        {
            if (!Shared(Participants, other.Participants) && !SharesDistinctive(_context, other._context)) return false;
            if (Shared(_subjects, other._subjects) && Different(_objects, other._objects)) return false;
            return !(Shared(_objects, other._objects) && Different(_subjects, other._subjects));
        }

        public void Add(Report report)
        {
            Reports.Add(report);
            foreach (var entity in new[] { report.Subject, report.Object })
            {
                if (entity is not null && !Participants.Contains(entity)) Participants.Add(entity);
            }
            if (report.Subject is { } s && !_subjects.Contains(s)) _subjects.Add(s);
            if (report.Object is { } o && !_objects.Contains(o)) _objects.Add(o);
            foreach (var entity in report.Context)
            {
                if (!_context.Contains(entity)) _context.Add(entity);
            }
        }

        /// <summary>
        /// One participant under two names: the same story entity, a name that begins with the other's whole name
        /// ("Peruvian" and "Peru", "Kenyan" and "Kenya": the people or adjective of a place), or one that ends with
        /// the other's whole name as its last words ("Hurricane Maria" and "Maria": a kind word before a name),
        /// which entity resolution keeps apart as entities of other types.
        /// </summary>
        private static bool Same(DossierEntity a, DossierEntity b) =>
            a == b || (Math.Min(a.Name.Length, b.Name.Length) >= MinStemLength
                && (a.Name.StartsWith(b.Name, StringComparison.OrdinalIgnoreCase) || b.Name.StartsWith(a.Name, StringComparison.OrdinalIgnoreCase)
                    || EndsWithName(a.Name, b.Name) || EndsWithName(b.Name, a.Name)));

        private static bool EndsWithName(string longer, string shorter) =>
            longer.Length > shorter.Length && longer.EndsWith(shorter, StringComparison.OrdinalIgnoreCase) && longer[^(shorter.Length + 1)] == ' ';

        private const int MinStemLength = 4;

        private bool SharesDistinctive(List<DossierEntity> known, IReadOnlyList<DossierEntity> other) =>
            known.Exists(k => distinctive(k) && other.Any(o => distinctive(o) && Same(k, o)));

        private static bool Names(List<DossierEntity> known, DossierEntity? entity) => entity is not null && known.Exists(k => Same(k, entity));

        private static bool Shared(List<DossierEntity> a, List<DossierEntity> b) => a.Exists(x => b.Exists(y => Same(x, y)));

        /// <summary>Participants in one role that differ: none shared, and of one kind (another company, not a country beside a company).</summary>
        private static bool Different(List<DossierEntity> a, List<DossierEntity> b) =>
            a.Count > 0 && b.Count > 0 && !Shared(a, b) && a.Exists(x => b.Exists(y => x.Type == y.Type));

        private static bool Conflicts(List<DossierEntity> known, DossierEntity? entity) =>
            entity is not null && known.Count > 0 && !Names(known, entity) && known.Exists(k => k.Type == entity.Type);
    }
}
