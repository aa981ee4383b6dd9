using System.Collections.Frozen;
using Crosscheck.Annotation.Events;
using Crosscheck.Core.Model;
using Crosscheck.Core.Text;
using static Crosscheck.Stories.Statements.StatementBuilder;

namespace Crosscheck.Stories.Statements;

/// <summary>
/// The events of a story: its reports (<see cref="StatementBuilder.Reports"/>, every event mention with the
/// participants its sentence gives it) grouped across its articles. This one grouping is what the dossier's
/// statements are made of and what <c>crosscheck eval events</c> scores on ECB+; which groups the dossier shows as
/// statements is decided afterwards (<see cref="StatementBuilder"/>), never which reports may join.
/// <list type="bullet">
/// <item>Reports of one predicate class (lemma, synonym or derivation) are one event, unless they are look-alikes
/// (<see cref="EventGroup.Accepts"/>: the same subject next to the predicate with another object of the same kind,
/// "X acquired Z" beside "X acquired Y", or the reverse). A shared name is no requirement: on the ECB+ choosing
/// topics, joining only reports that share a participant or a name not every article names scored 70.53 against
/// 79.28 (docs/BENCHMARKS.md, events8 and events9).</item>
/// <item>Acts of reporting (the classes of reporting.txt: say, announce, deny, warn...) are each their own event,
/// unless two articles report one act in the same words: a report of the same class whose nearby words mostly agree
/// with one in another article of the story (the same speaker saying the same thing, as copied or rewritten reports
/// put it) joins it (events7).</item>
/// </list>
/// Times are no look-alike test (events8: other dates split one event more often than they kept two apart).
/// </summary>
internal static class EventGrouper
{
    /// <summary>How many words either side of a mention, inside its sentence, make its context.</summary>
    public const int ContextWindow = 6;

    /// <summary>
    /// The share of their context words (Jaccard) two sayings of one class in different articles must have in common
    /// to be one act of saying. Chosen with the window on the ECB+ choosing topics only, by leaving topics out
    /// (docs/BENCHMARKS.md, events7; <c>scripts/events-coref-cv.py sayings</c>): ±6 words at 0.15–0.25 score alike,
    /// 0.25 joins fewer wrong pairs.
    /// </summary>
    public const double SameSayingAgreement = 0.25;

    private static readonly FrozenSet<string> FunctionWords = Lexicon.Set(Lexicon.Shared, "WordLists/function-words.txt", LexiconCase.Lower);

    /// <summary>The events of one story's reports, given in story order (the order decides nothing but which group is listed first).</summary>
    public static List<EventGroup> Group(IEnumerable<Report> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var events = new Dictionary<string, List<EventGroup>>(StringComparer.Ordinal);
        var sayings = new Dictionary<string, List<Report>>(StringComparer.Ordinal);
        foreach (var report in reports)
        {
            if (PredicateLexicon.IsReporting(report.Predicate))
            {
                if (!sayings.TryGetValue(report.Predicate, out var acts)) sayings[report.Predicate] = acts = [];
                acts.Add(report);
                continue;
            }
            if (!events.TryGetValue(report.Predicate, out var list)) events[report.Predicate] = list = [];
            var group = Joined(list, report);
            if (group is null) list.Add(group = new EventGroup(report.Predicate));
            group.Add(report);
        }
        var result = events.Values.SelectMany(Merged).ToList();
        foreach (var acts in sayings.Values) result.AddRange(SameSayings(acts));
        return result;
    }

    /// <summary>
    /// The event of one class a report joins, or null: among those that accept it, the first naming one of its
    /// participants (in any role, at any distance: "X denied acquiring Y" beside "X acquired Y" and "X acquired Z"),
    /// else the first.
    /// </summary>
    private static EventGroup? Joined(List<EventGroup> groups, Report report)
    {
        EventGroup? first = null;
        var accepting = 0;
        foreach (var group in groups)
        {
            if (!group.Accepts(report)) continue;
            first ??= group;
            // Most classes hold one event: which one names the report matters only when two accept it.
            if (++accepting > 1) break;
        }
        return accepting > 1 ? groups.Find(g => g.Accepts(report) && g.Names(report)) ?? first : first;
    }

    /// <summary>
    /// Groups of one predicate that came apart only because their reports arrived in another order are joined:
    /// two groups join unless they are look-alikes of each other.
    /// </summary>
    private static List<EventGroup> Merged(List<EventGroup> groups)
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
    /// The acts of saying among the reports of one story and class: reports of different articles whose context
    /// words agree join (groups by union), every other report is an act of its own. Pairs are compared all against
    /// all (a story's sayings of one class are tens to hundreds), over small word sets.
    /// </summary>
    private static IEnumerable<EventGroup> SameSayings(List<Report> sayings)
    {
        var owner = Enumerable.Range(0, sayings.Count).ToArray();
        int Root(int i)
        {
            while (owner[i] != i) i = owner[i] = owner[owner[i]];
            return i;
        }
        for (var i = 0; i < sayings.Count; i++)
        {
            for (var j = i + 1; j < sayings.Count; j++)
            {
                if (sayings[i].View != sayings[j].View && Agreement(sayings[i].Words, sayings[j].Words) >= SameSayingAgreement)
                {
                    owner[Root(i)] = Root(j);
                }
            }
        }
        var acts = new Dictionary<int, EventGroup>();
        for (var i = 0; i < sayings.Count; i++)
        {
            var root = Root(i);
            if (!acts.TryGetValue(root, out var act)) acts[root] = act = new EventGroup(sayings[i].Predicate);
            act.Add(sayings[i]);
        }
        return acts.Values;
    }

    /// <summary>The Jaccard share of two word sets (0 when both are empty).</summary>
    internal static double Agreement(IReadOnlySet<string> first, IReadOnlySet<string> second)
    {
        if (first.Count == 0 && second.Count == 0) return 0;
        var shared = first.Count(second.Contains);
        return (double)shared / (first.Count + second.Count - shared);
    }

    /// <summary>
    /// The content words (lower case, function words left out; digits count as words) within
    /// <see cref="ContextWindow"/> words either side of <paramref name="mention"/>, inside <paramref name="sentence"/>:
    /// who and what a mention is about, roughly.
    /// </summary>
    public static HashSet<string> ContextWords(string text, TextSpan sentence, TextSpan mention)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = Math.Clamp(sentence.Start, 0, text.Length);
        var end = Math.Clamp(sentence.End, start, text.Length);
        var before = EventPredicate.Words(text, start, Math.Clamp(mention.Start, start, end), digits: true);
        var after = EventPredicate.Words(text, Math.Clamp(mention.End, start, end), end, digits: true);
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in before.Skip(Math.Max(0, before.Count - ContextWindow)).Concat(after.Take(ContextWindow)))
        {
            var lower = word.ToLowerInvariant();
            if (!FunctionWords.Contains(lower)) words.Add(lower);
        }
        return words;
    }
}

/// <summary>The reports of one event so far, with the participants they name in each role.</summary>
/// <param name="predicate">The predicate class of its reports.</param>
internal sealed class EventGroup(string predicate)
{
    // The participants right next to the predicate of some report (the look-alike test's roles), every
    // participant of its reports at any distance, and every entity its sentences name.
    private readonly List<DossierEntity> _subjects = [];
    private readonly List<DossierEntity> _objects = [];
    private readonly List<DossierEntity> _participants = [];
    private readonly List<DossierEntity> _named = [];
    private readonly HashSet<DossierEntity> _known = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<DossierEntity> _isParticipant = new(ReferenceEqualityComparer.Instance);

    public string Predicate { get; } = predicate;

    public List<Report> Reports { get; } = [];

    /// <summary>
    /// A report joins unless it is a look-alike: the same subject with another object of the same kind ("X acquired
    /// Z" beside "X acquired Y"), or the same object with another subject, where only a participant with nothing but
    /// function words between it and the predicate counts ("X acquired Y", "Y was bought by X"; not "X said the
    /// police arrested Y"), and neither side's sentences name the other's participant (then they tell one event in
    /// other roles). On the ECB+ choosing topics the test with participants at any distance split one event far more
    /// often than it kept two apart (77.98 against 79.28 without it; docs/BENCHMARKS.md, events9).
    /// </summary>
    public bool Accepts(Report report)
    {
        var subject = report.SubjectNext ? report.Subject : null;
        var obj = report.ObjectNext ? report.Object : null;
        return !LookAlike(_subjects, subject, _objects, obj, report.Named) && !LookAlike(_objects, obj, _subjects, subject, report.Named);
    }

    /// <summary>Whether the group's reports name one of the report's participants (at any distance, in any role).</summary>
    public bool Names(Report report) => Names(_participants, report.Subject) || Names(_participants, report.Object);

    /// <summary>Whether another group of the same predicate tells the same event: no look-alike difference.</summary>
    public bool Joins(EventGroup other) =>
        !(Shared(_subjects, other._subjects) && Different(_objects, other._objects))
        && !(Shared(_objects, other._objects) && Different(_subjects, other._subjects));

    public void Add(Report report)
    {
        Reports.Add(report);
        if (report.SubjectNext && report.Subject is { } s && !_subjects.Contains(s)) _subjects.Add(s);
        if (report.ObjectNext && report.Object is { } o && !_objects.Contains(o)) _objects.Add(o);
        foreach (var entity in new[] { report.Subject, report.Object })
        {
            if (entity is not null && _isParticipant.Add(entity)) _participants.Add(entity);
        }
        foreach (var entity in report.Named)
        {
            if (_known.Add(entity)) _named.Add(entity);
        }
    }

    /// <summary>
    /// The same participant in one role (<paramref name="same"/> among <paramref name="known"/>) and another of the
    /// same kind in the other (<paramref name="other"/> against <paramref name="knownOther"/>), unless the group's
    /// sentences name <paramref name="other"/> or the report's sentence (<paramref name="named"/>) names one of
    /// <paramref name="knownOther"/>.
    /// </summary>
    private bool LookAlike(List<DossierEntity> known, DossierEntity? same, List<DossierEntity> knownOther, DossierEntity? other, DossierEntity[] named) =>
        Names(known, same) && Conflicts(knownOther, other) && !Names(_named, other) && !knownOther.Exists(k => Array.Exists(named, n => Same(n, k)));

    /// <summary>
    /// One participant under two names: the same story entity, a name that begins with the other's whole name
    /// ("Peruvian" and "Peru", "Kenyan" and "Kenya": the people or adjective of a place), or one that ends with
    /// the other's whole name as its last words ("Hurricane Maria" and "Maria": a kind word before a name),
    /// which entity resolution keeps apart as entities of other types.
    /// </summary>
    internal static bool Same(DossierEntity a, DossierEntity b) =>
        a == b || (Math.Min(a.Name.Length, b.Name.Length) >= MinStemLength
            && (a.Name.StartsWith(b.Name, StringComparison.OrdinalIgnoreCase) || b.Name.StartsWith(a.Name, StringComparison.OrdinalIgnoreCase)
                || EndsWithName(a.Name, b.Name) || EndsWithName(b.Name, a.Name)));

    private static bool EndsWithName(string longer, string shorter) =>
        longer.Length > shorter.Length && longer.EndsWith(shorter, StringComparison.OrdinalIgnoreCase) && longer[^(shorter.Length + 1)] == ' ';

    private const int MinStemLength = 4;

    private static bool Names(List<DossierEntity> known, DossierEntity? entity) => entity is not null && known.Exists(k => Same(k, entity));

    private static bool Shared(List<DossierEntity> a, List<DossierEntity> b) => a.Exists(x => b.Exists(y => Same(x, y)));

    /// <summary>Participants in one role that differ: none shared, and of one kind (another company, not a country beside a company).</summary>
    private static bool Different(List<DossierEntity> a, List<DossierEntity> b) =>
        a.Count > 0 && b.Count > 0 && !Shared(a, b) && a.Exists(x => b.Exists(y => x.Type == y.Type));

    private static bool Conflicts(List<DossierEntity> known, DossierEntity? entity) =>
        entity is not null && known.Count > 0 && !Names(known, entity) && known.Exists(k => k.Type == entity.Type);
}
