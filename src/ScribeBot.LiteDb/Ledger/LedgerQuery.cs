using ScribeBot.Core.Storage;

namespace ScribeBot.LiteDb.Ledger;

/// <summary>
/// Answers the dashboard's <see cref="IncidentQuery"/> from ledger entries: filter, order (newest declared first, then
/// by id, as <see cref="IncidentQuery.PageOf"/> does) and page, giving the ids of the page's incidents and the total.
/// </summary>
internal static class LedgerQuery
{
    public static (IReadOnlyList<string> Ids, int Total) Page(LedgerSnapshot ledger, IncidentQuery query)
    {
        var matching = ledger.Entries.Where(e =>
                (query.Status is null || e.Status == query.Status)
                && (query.Severity is null || e.Severity == query.Severity)
                && (query.Platform is null || e.Platform == query.Platform))
            .ToArray();

        // Ties on the instant are rare; only they pay for building ids.
        Array.Sort(matching, (a, b) => b.DeclaredTicks != a.DeclaredTicks
            ? b.DeclaredTicks.CompareTo(a.DeclaredTicks)
            : string.CompareOrdinal(ledger.IdOf(a), ledger.IdOf(b)));

        var skip = Math.Min(Math.Max(0, query.Skip), matching.Length);
        var take = Math.Min(Math.Max(0, query.Take), matching.Length - skip);
        var ids = new string[take];
        for (var i = 0; i < take; i++)
        {
            ids[i] = ledger.IdOf(matching[skip + i]);
        }

        return (ids, matching.Length);
    }
}
