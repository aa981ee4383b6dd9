using Crosscheck.Core.Model;

namespace Crosscheck.Stories.Statements;

/// <summary>
/// What a report's clause (<see cref="ClauseReader"/>) names beside its predicate: the story entities (resolved
/// across spellings, so "Ada Lin" and "Lin" are one), the dates (finer than a year) and the numbers. Two articles
/// whose reports of one event share one of them tell the same happening; two that share none may only word
/// different happenings alike ("the situation", "the operation").
/// </summary>
internal sealed record ReportArguments(DossierEntity[] Entities, string[] Times, (QuantityKind Kind, double Value)[] Numbers)
{
    public static readonly ReportArguments None = new([], [], []);

    /// <summary>The arguments inside <paramref name="clause"/>, the predicate's own words left out.</summary>
    public static ReportArguments In(
        TextSpan clause, TextSpan predicate, List<(TextSpan Span, DossierEntity Entity)> participants, TimeExpression[] times, Quantity[] quantities)
    {
        bool Inside(TextSpan span) => span.Start >= clause.Start && span.End <= clause.End && !span.Overlaps(predicate);
        var entities = participants.Where(p => Inside(p.Span)).Select(p => p.Entity).Distinct().ToArray();
        // A year alone dates most of a story's events; a month, week or day tells one from another.
        var dates = times.Where(t => Inside(t.Span) && t.Granularity != TimeGranularity.Year && !t.Value.StartsWith("XXXX", StringComparison.Ordinal))
            .Select(t => t.Value).Distinct(StringComparer.Ordinal).ToArray();
        var numbers = quantities.Where(q => Inside(q.Span)).Select(q => (q.Kind, q.Value)).Distinct().ToArray();
        return entities.Length == 0 && dates.Length == 0 && numbers.Length == 0 ? None : new ReportArguments(entities, dates, numbers);
    }

    /// <summary>Whether two reports' arguments share a date, a number or an entity (under either of its names) that <paramref name="counts"/>.</summary>
    public bool Shares(ReportArguments other, Func<DossierEntity, bool> counts)
    {
        ArgumentNullException.ThrowIfNull(other);
        ArgumentNullException.ThrowIfNull(counts);
        return Array.Exists(Entities, e => counts(e) && Array.Exists(other.Entities, o => counts(o) && EventGroup.Same(e, o)))
            || Array.Exists(Times, t => Array.IndexOf(other.Times, t) >= 0)
            || Array.Exists(Numbers, n => Array.IndexOf(other.Numbers, n) >= 0);
    }
}
