using System.Collections.Frozen;
using System.Globalization;
using Crosscheck.Core.Model;
using Crosscheck.Core.Text;
using Crosscheck.Stories.Consolidation;
using Crosscheck.Stories.Entities;
using Crosscheck.Stories.Provenance;
using Crosscheck.Stories.Statements;

namespace Crosscheck.Stories.Claims;

/// <summary>
/// Groups the story's numbers into comparable claims and reconciles them. Two statements are about
/// the same thing when they have the same kind, their counted nouns fall in one synonym class (or both
/// are money), their periods agree (or one is unstated), and the entities around them overlap (or one
/// names none). Values are compared as intervals that widen with the hedge ("about", "at least"),
/// money after conversion to USD. One article never contradicts itself: two different values of the
/// same class in one article are taken as two different things.
/// </summary>
internal sealed class ClaimGrouper(DossierBuilderOptions options)
{
    private static readonly Dictionary<string, string> ClassOf = LoadClasses();
    private static readonly FrozenSet<string> IgnoredHeads = Lexicon.Set(typeof(ClaimGrouper).Assembly, "Claims/ignored-heads.txt", LexiconCase.Lower);

    public IReadOnlyList<Claim> Group(IReadOnlyList<DocumentView> documents, ResolvedEntities entities, OriginResolver origins, StatementLinks? statements = null)
    {
        statements ??= StatementLinks.None;
        var groups = new List<ClaimGroup>();
        foreach (var view in documents)
        {
            foreach (var statement in Statements(view, entities, origins, statements))
            {
                Place(statement, groups);
            }
        }
        return groups.Select(ToClaim).OrderByDescending(c => c.Articles.Count).ThenBy(c => c.Status).ToList();
    }

    private IEnumerable<Statement> Statements(DocumentView view, ResolvedEntities entities, OriginResolver origins, StatementLinks statements)
    {
        var citationSpans = origins.CitationSpans(view).ToArray();
        foreach (var quantity in view.Document.Quantities)
        {
            if (!view.IsInBounds(quantity.Span) || !double.IsFinite(quantity.Value)) continue;
            var kind = quantity.Kind switch
            {
                QuantityKind.Count => "count",
                QuantityKind.Money => "money",
                QuantityKind.Percent => "percent",
                _ => null,
            };
            if (kind is null) continue;
            var head = quantity.CountedHead is { } h ? Folding.Clean(h, 60).ToLowerInvariant() : null;
            if (head is not null && IgnoredHeads.Contains(Singular(Folding.Key(head)))) continue;
            if (kind == "count" && head is null && !options.KeepCountsWithoutNoun) continue;

            var usd = kind == "money" && quantity.Normalized is { } n && n.Unit == "USD" && double.IsFinite(n.Value) ? n.Value : (double?)null;
            var scale = usd is { } dollars && quantity.Value != 0 ? dollars / quantity.Value : 1;
            var (lo, hi) = Interval(quantity, kind, scale);
            var @class = kind switch
            {
                "money" => usd is not null ? "money:USD" : "money:" + (quantity.Unit ?? ""),
                _ => kind + ":" + (head is null ? "" : ClassOf.GetValueOrDefault(Singular(Folding.Key(head)), Singular(Folding.Key(head)))),
            };
            var sentence = view.SentenceAt(quantity.Span.Start);
            yield return new Statement(
                view, quantity, kind, @class, head, NormalizePeriod(quantity.Period), Actors(view, sentence, quantity.Span, entities, citationSpans),
                usd, lo, hi, Folding.Clean(view.TextOf(sentence), options.MaxClaimLength), origins.OriginOf(view, quantity.Span.Start),
                statements.At(view, sentence));
        }
    }

    /// <summary>The range of values a statement allows, given its hedge; money scaled to USD when converted.</summary>
    private (double Lo, double Hi) Interval(Quantity quantity, string kind, double scale)
    {
        var exact = kind == "money" ? options.MoneyTolerance : options.ExactTolerance;
        var hedged = Math.Max(exact, options.HedgedTolerance);
        var value = quantity.Value * scale;
        if (quantity.High is { } high && double.IsFinite(high) && high >= quantity.Value) return (value * (1 - exact), high * scale * (1 + exact));
        return quantity.Qualifier switch
        {
            Qualifier.About => (value * (1 - hedged), value * (1 + hedged)),
            Qualifier.Nearly => (value * (1 - hedged), value * (1 + exact)),
            Qualifier.AtLeast or Qualifier.MoreThan => (value * (1 - exact), value * options.OpenBoundFactor),
            Qualifier.AtMost or Qualifier.UpTo or Qualifier.LessThan => (value / options.OpenBoundFactor, value * (1 + exact)),
            _ => (value * (1 - exact), value * (1 + exact)),
        };
    }

    /// <summary>
    /// The entities a number is said of: those named in its sentence, else in its paragraph —
    /// not counting the outlets cited as sources, which report the number rather than own it.
    /// </summary>
    private static HashSet<string> Actors(DocumentView view, TextSpan sentence, TextSpan quantity, ResolvedEntities entities, TextSpan[] citations)
    {
        var actors = new HashSet<string>(StringComparer.Ordinal);
        var paragraph = view.ParagraphOf(quantity.Start);
        var paragraphActors = new HashSet<string>(StringComparer.Ordinal);
        for (var m = 0; m < view.Mentions.Length; m++)
        {
            if (!view.ValidMention[m]) continue;
            var span = view.Mentions[m].Span;
            if (span.Overlaps(quantity) || citations.Any(c => c.Overlaps(span))) continue;
            if (entities.Of(view.Index, m) is not { } entity) continue;
            if (sentence.Contains(span)) actors.Add(entity.Id);
            else if (view.ParagraphOf(span.Start) == paragraph) paragraphActors.Add(entity.Id);
        }
        return actors.Count > 0 ? actors : paragraphActors;
    }

    /// <summary>
    /// Agreement needs no shared actor: within one story, the same count of the same kind of thing is
    /// the same claim far more often than a coincidence. A disagreement is only a conflict when the
    /// two statements are demonstrably about the same actor; otherwise they are different claims.
    /// </summary>
    private static void Place(Statement statement, List<ClaimGroup> groups)
    {
        ClaimGroup? agreeing = null;
        ClaimGroup? disputed = null;
        var agreeingOverlap = -1;
        var disputedOverlap = 0;
        foreach (var group in groups)
        {
            if (group.Class != statement.Class || !PeriodsAgree(group.Period, statement.Period)) continue;
            var overlap = group.ActorOverlap(statement.Actors);
            if (group.Agrees(statement))
            {
                if (overlap > agreeingOverlap)
                {
                    agreeing = group;
                    agreeingOverlap = overlap;
                }
            }
            else if (overlap > disputedOverlap && !group.HasArticle(statement.View))
            {
                disputed = group;
                disputedOverlap = overlap;
            }
        }
        if (agreeing is not null) agreeing.Add(statement, agrees: true);
        else if (disputed is not null) disputed.Add(statement, agrees: false);
        else groups.Add(new ClaimGroup(statement));
    }

    private static bool PeriodsAgree(string? a, string? b) => a is null || b is null || a == b;

    private Claim ToClaim(ClaimGroup group)
    {
        var agreed = group.Agreed;
        var first = agreed[0];
        var value = agreed.GroupBy(s => s.Quantity.Value).OrderByDescending(g => g.Select(s => s.View.Index).Distinct().Count())
            .ThenBy(g => g.Min(s => s.Quantity.Qualifier == Qualifier.None ? 0 : 1)).First().Key;
        var representative = agreed.First(s => s.Quantity.Value == value);
        NormalizedValue? normalized = null;
        if (group.Kind == "money")
        {
            // An amount some article wrote in dollars needs no exchange rate, so it is the best normalised value;
            // otherwise the median of the converted amounts.
            var inDollars = group.Seen.FirstOrDefault(s => s.Quantity.Unit == "USD" && s.Usd is not null);
            var usd = group.Seen.Where(s => s.Usd is not null).Select(s => s.Usd!.Value).Order().ToList();
            if (inDollars is not null) normalized = new NormalizedValue(inDollars.Usd!.Value, "USD");
            else if (usd.Count > 0) normalized = new NormalizedValue(usd[usd.Count / 2], "USD", "median of converted amounts");
            representative = inDollars ?? first;
            value = representative.Quantity.Value;
        }
        var all = group.All;
        var articles = all.Select(s => s.View).Distinct().OrderBy(v => v.Index).Select(v => v.Id).ToList();
        var origins = all.Select(s => s.Origin).Distinct(StringComparer.Ordinal).ToList();
        var status = articles.Count == 1 ? ClaimStatus.Unique
            : group.Disputed.Count > 0 ? ClaimStatus.Conflicting
            : agreed.Select(s => s.Origin).Distinct(StringComparer.Ordinal).Count() >= 2 ? ClaimStatus.Corroborated
            : ClaimStatus.SingleOrigin;
        var subject = Subject(group);
        return new Claim
        {
            Id = Folding.StableId("c-", group.Class, group.Period ?? "", first.View.Id, first.Quantity.Span.Start.ToString(CultureInfo.InvariantCulture)),
            Kind = group.Kind,
            Text = representative.Text,
            Subject = subject,
            Value = value,
            Unit = group.Kind == "money" ? representative.Quantity.Unit : group.Kind == "percent" ? "%" : null,
            Normalized = normalized,
            Articles = articles,
            Origins = origins,
            Status = status,
            Statements = all.Select(s => new ClaimStatement(s.View.Id, s.Text, s.Quantity.Value, s.Quantity.Unit, s.Quantity.Qualifier, s.Origin, s.StatementId)).ToList(),
        };
    }

    private static string Subject(ClaimGroup group)
    {
        var period = group.Period is null ? "" : " per " + group.Period;
        if (group.Kind == "money")
        {
            var head = group.All.Select(s => s.Head).FirstOrDefault(h => h is not null);
            return (head ?? "payment") + period;
        }
        var heads = group.All.Where(s => s.Head is not null).GroupBy(s => s.Head!).OrderByDescending(g => g.Count()).Select(g => g.Key).ToList();
        var noun = heads.Count > 0 ? heads[0] : group.Kind;
        if (heads.Count > 1) noun += " (" + string.Join(", ", heads.Skip(1).Take(3)) + ")";
        return noun + period;
    }

    /// <summary>"per month", "monthly", "a month", "P1M" → "month".</summary>
    internal static string? NormalizePeriod(string? period)
    {
        if (string.IsNullOrWhiteSpace(period)) return null;
        var words = Folding.Words(period);
        if (words.Count == 0) return null;
        var word = words[^1];
        return word switch
        {
            "p1d" or "daily" or "day" or "days" => "day",
            "p1w" or "weekly" or "week" or "weeks" => "week",
            "p1m" or "monthly" or "month" or "months" => "month",
            "p3m" or "quarterly" or "quarter" or "quarters" => "quarter",
            "p1y" or "yearly" or "annually" or "annual" or "year" or "years" or "annum" => "year",
            _ => word,
        };
    }

    internal static string Singular(string word)
    {
        if (word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal)) return word[..^3] + "y";
        if (word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal)) return word[..^1];
        return word;
    }

    private static Dictionary<string, string> LoadClasses()
    {
        var classes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in Lexicon.Lines(typeof(ClaimGrouper).Assembly, "Claims/counted-synonyms.txt", LexiconCase.Lower))
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var name = Singular(Folding.Key(words[0]));
            foreach (var word in words)
            {
                classes.TryAdd(Singular(Folding.Key(word)), name);
            }
        }
        return classes;
    }

    private sealed record Statement(
        DocumentView View, Quantity Quantity, string Kind, string Class, string? Head, string? Period, HashSet<string> Actors,
        double? Usd, double Lo, double Hi, string Text, string Origin, string? StatementId);

    private sealed class ClaimGroup
    {
        private double _lo;
        private double _hi;

        public ClaimGroup(Statement first)
        {
            Class = first.Class;
            Kind = first.Kind;
            Period = first.Period;
            _lo = first.Lo;
            _hi = first.Hi;
            Agreed.Add(first);
            Seen.Add(first);
            Actors.UnionWith(first.Actors);
        }

        public string Class { get; }

        public string Kind { get; }

        public string? Period { get; private set; }

        public HashSet<string> Actors { get; } = new(StringComparer.Ordinal);

        public List<Statement> Agreed { get; } = [];

        public List<Statement> Disputed { get; } = [];

        /// <summary>Every agreeing statement, including an article's repeats (kept for their other currencies).</summary>
        public List<Statement> Seen { get; } = [];

        public IEnumerable<Statement> All => Agreed.Concat(Disputed).OrderBy(s => s.View.Index).ThenBy(s => s.Quantity.Span.Start);

        public bool Agrees(Statement statement) => statement.Lo <= _hi && statement.Hi >= _lo;

        public bool HasArticle(DocumentView view) => Agreed.Any(s => s.View == view) || Disputed.Any(s => s.View == view);

        public int ActorOverlap(HashSet<string> actors) => actors.Count(Actors.Contains);

        public void Add(Statement statement, bool agrees)
        {
            Period ??= statement.Period;
            Actors.UnionWith(statement.Actors);
            if (!agrees)
            {
                Disputed.Add(statement);
                return;
            }
            Seen.Add(statement);
            // An article stating the same amount twice (say in two currencies) makes one statement.
            if (Agreed.Any(s => s.View == statement.View)) return;
            Agreed.Add(statement);
            _lo = Math.Max(_lo, statement.Lo);
            _hi = Math.Min(_hi, statement.Hi);
            if (_lo > _hi) (_lo, _hi) = (Math.Min(_lo, _hi), Math.Max(_lo, _hi));
        }
    }
}
