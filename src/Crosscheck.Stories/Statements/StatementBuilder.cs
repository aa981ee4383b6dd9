using System.Collections.Frozen;
using System.Globalization;
using Crosscheck.Annotation.Events;
using Crosscheck.Core.Model;
using Crosscheck.Core.Text;
using Crosscheck.Stories.Consolidation;
using Crosscheck.Stories.Entities;
using Crosscheck.Stories.Provenance;

namespace Crosscheck.Stories.Statements;

/// <summary>Bounds of the statements section.</summary>
/// <param name="MinArticles">A statement must be reported by this many articles (a lone report stays in its article).</param>
/// <param name="MaxStatements">The most statements a dossier lists.</param>
/// <param name="DistinctiveShare">
/// An entity two articles' reports both name makes them one happening only when no more than this share of the
/// story's articles name it (two articles always may). Chosen on the ECB+ choosing topics (docs/BENCHMARKS.md, events10).
/// </param>
/// <param name="SameHappenings">
/// A statement's articles are those whose reports tell one happening (they share an argument or their nearby words);
/// false shows every event two articles report as one statement, as the grouping has it (events9's display).
/// Off by default: on ECB+ it raises the share of shown statements that are one event (0.633 to 0.779), but its
/// evidence misses articles that name only the story's main actors, so the core event of a story every article is
/// about loses most of its articles to "similar wording" (the bundled sample's deal keeps two of four), and its
/// recall was not measured when it was chosen (docs/BENCHMARKS.md, events10).
/// </param>
public sealed record StatementOptions(int MinArticles = 2, int MaxStatements = 40, double DistinctiveShare = 0.5, bool SameHappenings = false)
{
    public static readonly StatementOptions Default = new();
}

/// <summary>
/// The statements of a story: every event mention of every sentence (<see cref="EventMentionDetector"/>) becomes a
/// report with its participants — the nearest entity before the predicate (its subject) and after it (its object;
/// swapped in a passive, "Y was bought by X"); the reports are grouped into the story's events by
/// <see cref="EventGrouper"/> (one predicate class, look-alikes apart: "X acquired Y" and "Y was bought by X" are one
/// event, "X acquired Z" another), the grouping <c>crosscheck eval events</c> scores. A statement is one happening of
/// an event that two or more articles report in a sentence naming a participant: the articles whose reports share an
/// argument of their clause (<see cref="ClauseReader"/>, <see cref="ReportArguments"/>) or their nearby words; the
/// event's other articles are listed as similar wording and counted nowhere (<see cref="DossierStatement.Similar"/>).
/// Saying itself and light verbs make no statement (what is said is). A denial ("X denied acquiring Y") joins the
/// event it denies and makes the statement contested.
/// </summary>
internal sealed class StatementBuilder(StatementOptions options)
{
    public IReadOnlyList<DossierStatement> Build(IReadOnlyList<DocumentView> views, ResolvedEntities entities, OriginResolver origins) =>
        BuildLinked(views, entities, origins).Statements;

    /// <summary>The statements, and the sentences of their wordings for linking figures and quotes to them.</summary>
    public (IReadOnlyList<DossierStatement> Statements, StatementLinks Links) BuildLinked(IReadOnlyList<DocumentView> views, ResolvedEntities entities, OriginResolver origins)
    {
        var ranked = Ranked(views, entities, origins);
        var links = new StatementLinks();
        foreach (var (statement, wordings) in ranked)
        {
            foreach (var report in wordings) links.Add(report.View, report.Sentence, statement.Id);
        }
        return (ranked.Select(x => x.Statement).ToList(), links);
    }

    /// <summary>The statements in rank order, each with the report behind each article's wording.</summary>
    internal List<(DossierStatement Statement, List<Report> Wordings)> Ranked(IReadOnlyList<DocumentView> views, ResolvedEntities entities, OriginResolver origins)
    {
        var reports = views.SelectMany(view => Reports(view, entities, origins, DetectedMentions, options.SameHappenings));
        return EventGrouper.Group(reports)
            .SelectMany(g => Statements(g.Predicate, g.Reports.Where(r => r.Shown).ToList(), views.Count))
            .OrderByDescending(x => x.Statement.Origins.Count)
            .ThenByDescending(x => x.Statement.Articles.Count)
            .ThenBy(x => x.Statement.Id, StringComparer.Ordinal)
            .Take(options.MaxStatements)
            .ToList();
    }

    /// <summary>
    /// The statements of one event: each happening (<see cref="SameHappenings"/>) that enough articles report, the
    /// one most articles report also listing, as similar wording, the articles of the event in no happening.
    /// </summary>
    private IEnumerable<(DossierStatement Statement, List<Report> Wordings)> Statements(string predicate, List<Report> shown, int storyArticles)
    {
        var happenings = SameHappenings(shown, storyArticles)
            .Where(h => h.Select(r => r.View).Distinct().Count() >= options.MinArticles)
            .OrderByDescending(h => h.Select(r => r.View).Distinct().Count())
            .ToList();
        if (happenings.Count == 0) yield break;
        var told = happenings.SelectMany(h => h.Select(r => r.View)).ToHashSet();
        var similar = Wordings(shown.Where(r => !told.Contains(r.View)).ToList());
        for (var i = 0; i < happenings.Count; i++)
        {
            yield return (ToStatement(predicate, happenings[i], i == 0 ? similar : []), Wordings(happenings[i]));
        }
    }

    /// <summary>
    /// The reports of one event that tell one happening. One predicate class is one event to the grouping (what ECB+
    /// rewards), but "the situation" or "the operation" of two articles is the same thing reported twice only when
    /// something they tell agrees: reports of different articles join when their clauses share an argument
    /// (<see cref="ReportArguments.Shares"/>: a date, a number, or an entity that is no more than
    /// <see cref="StatementOptions.DistinctiveShare"/> of the story's articles name, at least two allowed — the
    /// story's main actors are named beside nearly every event), or when their nearby words agree as much as two
    /// reports of one act of saying must (<see cref="EventGrouper.SameSayingAgreement"/>: a copied or lightly
    /// rewritten sentence). Each set so joined is a happening; a report that joins no other article's is in none.
    /// </summary>
    private IEnumerable<List<Report>> SameHappenings(List<Report> reports, int storyArticles)
    {
        if (!options.SameHappenings) return [reports];
        var namedByFew = Math.Max(2, options.DistinctiveShare * storyArticles);
        bool Distinctive(DossierEntity entity) => entity.Articles.Count <= namedByFew;
        var words = reports.Select(r => EventGrouper.ContextWords(r.View.Text, r.Sentence, r.Mention.Span)).ToList();
        var owner = Enumerable.Range(0, reports.Count).ToArray();
        int Root(int i)
        {
            while (owner[i] != i) i = owner[i] = owner[owner[i]];
            return i;
        }
        var joined = new bool[reports.Count];
        for (var i = 0; i < reports.Count; i++)
        {
            for (var j = i + 1; j < reports.Count; j++)
            {
                // Reports already of one happening need no second piece of evidence (a 200-article event has thousands of pairs).
                if (reports[i].View == reports[j].View || (joined[i] && joined[j] && Root(i) == Root(j))) continue;
                if (!reports[i].Arguments.Shares(reports[j].Arguments, Distinctive)
                    && EventGrouper.Agreement(words[i], words[j]) < EventGrouper.SameSayingAgreement) continue;
                owner[Root(i)] = Root(j);
                joined[i] = joined[j] = true;
            }
        }
        return Enumerable.Range(0, reports.Count).Where(i => joined[i]).GroupBy(Root).Select(h => h.Select(i => reports[i]).ToList());
    }

    /// <summary>The event mentions the detector finds in one sentence of a view: what a dossier groups.</summary>
    private static IEnumerable<EventMention> DetectedMentions(DocumentView view, TextSpan sentence) =>
        EventMentionDetector.Detect(view.Text, sentence.Start, sentence.End);

    /// <summary>The report behind each article's wording (its first), in story order.</summary>
    // An article that also denies the event is shown by its denial: the status says "contested" from any denial,
    // and a reader must see the words that made it so.
    private static List<Report> Wordings(List<Report> reports) =>
        reports.GroupBy(r => r.View).OrderBy(g => g.Key.Index)
            .Select(g => g.FirstOrDefault(r => r.Mention.Polarity == EventPolarity.Negated) ?? g.First()).ToList();

    /// <summary>
    /// The reports of one view: each event mention of <paramref name="mentionsIn"/> (given a sentence) with its
    /// participants (none when its sentence names no entity) and, for an act of reporting, its context words
    /// (<see cref="EventGrouper.ContextWords"/>). Whether the dossier may show it (<see cref="Report.Shown"/>):
    /// not a saying or light verb, not inside a name, and with a participant. The arguments of a shown report's clause
    /// (<see cref="Report.Arguments"/>) are read only when <paramref name="readArguments"/>: only the same-happening
    /// display asks for them, and reading them costs a clause scan per report.
    /// </summary>
    internal static IEnumerable<Report> Reports(
        DocumentView view, ResolvedEntities entities, OriginResolver origins, Func<DocumentView, TextSpan, IEnumerable<EventMention>> mentionsIn, bool readArguments)
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
        var times = view.Document.TimeExpressions;
        var quantities = view.Document.Quantities;
        foreach (var sentence in view.Document.Sentences)
        {
            var span = sentence.Span;
            if (!view.IsInBounds(span)) continue;
            var inSentence = participants.Where(p => p.Span.Start >= span.Start && p.Span.End <= span.End).ToList();
            var named = inSentence.Select(p => p.Entity).Distinct().ToArray();
            foreach (var mention in mentionsIn(view, span))
            {
                var reporting = PredicateLexicon.IsReporting(mention.Predicate);
                var words = reporting ? EventGrouper.ContextWords(text, span, mention.Span) : NoWords;
                var beforeAt = inSentence.FindLastIndex(p => p.Span.End <= mention.Span.Start);
                var afterAt = inSentence.FindIndex(p => p.Span.Start >= mention.Span.End);
                var before = beforeAt < 0 ? null : inSentence[beforeAt].Entity;
                var after = afterAt < 0 ? null : inSentence[afterAt].Entity;
                var beforeNext = beforeAt >= 0 && !HasContentWord(text, inSentence[beforeAt].Span.End, mention.Span.Start);
                var afterNext = afterAt >= 0 && !HasContentWord(text, mention.Span.End, inSentence[afterAt].Span.Start);
                var passive = NextWordIs(text, mention.Span.End, span.End, "by");
                var (subject, obj) = passive ? (after, before) : (before, after);
                var (subjectNext, objectNext) = passive ? (afterNext, beforeNext) : (beforeNext, afterNext);
                // Saying is how a statement is reported, not a statement; warning, denying, announcing are.
                var shown = !PredicateLexicon.IsSaying(mention.Predicate) && !PredicateLexicon.IsLight(mention.Predicate)
                    && !inSentence.Exists(p => p.Span.Overlaps(mention.Span)) && (subject is not null || obj is not null);
                var arguments = readArguments && shown
                    ? ReportArguments.In(ClauseReader.Clause(text, span, mention.Span), mention.Span, inSentence, times, quantities)
                    : ReportArguments.None;
                yield return new Report(view, mention, mention.Predicate, subject, obj, span, origins.OriginOf(view, mention.Span.Start), words, shown, subjectNext, objectNext, named, arguments);
            }
        }
    }

    private static readonly IReadOnlySet<string> NoWords = new HashSet<string>();

    private static readonly FrozenSet<string> FunctionWords = Lexicon.Set(Lexicon.Shared, "WordLists/function-words.txt", LexiconCase.Lower);

    /// <summary>Whether a word other than a function word ("was", "by", "the") lies between two offsets.</summary>
    private static bool HasContentWord(string text, int start, int end) =>
        EventPredicate.Words(text, start, end, digits: true).Exists(w => !FunctionWords.Contains(w.ToLowerInvariant()));

    private static bool NextWordIs(string text, int from, int end, string word)
    {
        var i = from;
        while (i < end && char.IsWhiteSpace(text[i])) i++;
        return i + word.Length <= end && string.CompareOrdinal(text, i, word, 0, word.Length) == 0
            && (i + word.Length == end || !char.IsLetter(text[i + word.Length]));
    }

    /// <summary>
    /// The statement of one happening, told by the reports the dossier shows (<see cref="Report.Shown"/>), with the
    /// event's wordings in articles of no happening (<paramref name="similar"/>: listed, never counted).
    /// </summary>
    private static DossierStatement ToStatement(string predicate, List<Report> reports, List<Report> similar)
    {
        var byArticle = Wordings(reports);
        var first = byArticle
            .OrderBy(r => r.View.Article.Published?.Value ?? DateTimeOffset.MaxValue)
            .ThenBy(r => r.View.Index)
            .First();
        var asserted = byArticle.Where(r => r.Mention.Polarity != EventPolarity.Negated).ToList();
        var origins = asserted.GroupBy(r => r.Origin, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Min(r => r.View.Index))
            .Select(g => g.Key).ToList();
        var status = reports.Exists(r => r.Mention.Polarity == EventPolarity.Negated) ? StatementStatus.Contested
            : origins.Count >= 2 ? StatementStatus.Corroborated
            : StatementStatus.SingleOrigin;
        var representative = asserted.Count > 0 ? asserted.OrderBy(r => r.View.Article.Published?.Value ?? DateTimeOffset.MaxValue).ThenBy(r => r.View.Index).First() : first;
        return new DossierStatement
        {
            Id = Folding.StableId("s-", predicate, first.View.Id, first.Mention.Span.Start.ToString(CultureInfo.InvariantCulture)),
            // A class is named by its first word; a word of no class by a word of its reports (its key may lack a final e).
            Predicate = predicate.StartsWith('=') ? predicate[1..] : NameOfWord(reports, first),
            Text = Folding.Clean(representative.View.TextOf(representative.Sentence), 400),
            Participants = reports.SelectMany(r => new[] { r.Subject, r.Object }).OfType<DossierEntity>().Select(e => e.Name).Distinct(StringComparer.Ordinal).ToList(),
            Articles = byArticle.Select(r => r.View.Id).ToList(),
            Origins = origins,
            Status = status,
            FirstArticle = first.View.Id,
            FirstOutlet = ArticleOutlet.Known(first.View.Article) ?? ArticleOutlet.Unknown,
            FirstSeen = first.View.Article.Published?.Value,
            Wordings = byArticle.Select(Wording).ToList(),
            Similar = similar.Select(Wording).ToList(),
        };
    }

    private static StatementWording Wording(Report r) =>
        new(r.View.Id, Folding.Clean(r.View.TextOf(r.Sentence), 400), r.Origin, r.Mention.Polarity.ToString().ToLowerInvariant());

    /// <summary>
    /// The name of a statement whose predicate is a word of no class: the lemma of a report's word that needed no -ed
    /// or -ing cut, else the first report's word as written. The cut loses a final silent e ("leaving" gives
    /// "leav"), which readers take for a typo; "left" gives "leave", and "leaving" alone stays "leaving".
    /// </summary>
    private static string NameOfWord(List<Report> reports, Report first)
    {
        foreach (var report in reports)
        {
            var word = report.View.TextOf(report.Mention.Span).ToLowerInvariant();
            if (!word.EndsWith("ed", StringComparison.Ordinal) && !word.EndsWith("ing", StringComparison.Ordinal))
                return PredicateLexicon.Lemma(word);
        }
        return first.View.TextOf(first.Mention.Span).ToLowerInvariant();
    }

    /// <summary>
    /// One event mention of a sentence: its participants (the nearest entity before and after it, swapped in a
    /// passive; <c>SubjectNext</c> and <c>ObjectNext</c> say whether no word but function words lies between them and
    /// the predicate), the entities its sentence names (<c>Named</c>), its origin and, for an act of reporting, its
    /// context words; <c>Shown</c> says whether the dossier may show it as a statement's wording: not a saying or light
    /// verb, not inside a name, with a participant.
    /// </summary>
    internal sealed record Report(
        DocumentView View, EventMention Mention, string Predicate, DossierEntity? Subject, DossierEntity? Object,
        TextSpan Sentence, string Origin, IReadOnlySet<string> Words, bool Shown, bool SubjectNext, bool ObjectNext, DossierEntity[] Named,
        ReportArguments Arguments);
}
