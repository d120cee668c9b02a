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

        // A sort of plain numbers (newest first) is several times faster than one that compares entries; ties on the
        // instant are rare and only they pay for building ids.
        var keys = new long[matching.Length];
        for (var i = 0; i < matching.Length; i++)
        {
            keys[i] = -matching[i].DeclaredTicks;
        }

        Array.Sort(keys, matching);
        var skip = Math.Min(Math.Max(0, query.Skip), matching.Length);
        var take = Math.Min(Math.Max(0, query.Take), matching.Length - skip);
        OrderTiesById(ledger, keys, matching, skip, take);

        var ids = new string[take];
        for (var i = 0; i < take; i++)
        {
            ids[i] = ledger.IdOf(matching[skip + i]);
        }

        return (ids, matching.Length);
    }

    /// <summary>Orders by id each run of equal instants that reaches into the page [skip, skip + take).</summary>
    private static void OrderTiesById(LedgerSnapshot ledger, long[] keys, LedgerEntry[] entries, int skip, int take)
    {
        if (take == 0)
        {
            return;
        }

        var start = skip;
        while (start > 0 && keys[start - 1] == keys[skip])
        {
            start--;
        }

        var end = skip + take;
        while (end < keys.Length && keys[end] == keys[end - 1])
        {
            end++;
        }

        var runStart = start;
        for (var i = start + 1; i <= end; i++)
        {
            if (i == end || keys[i] != keys[runStart])
            {
                if (i - runStart > 1)
                {
                    Array.Sort(entries, runStart, i - runStart, Comparer<LedgerEntry>.Create(
                        (a, b) => string.CompareOrdinal(ledger.IdOf(a), ledger.IdOf(b))));
                }

                runStart = i;
            }
        }
    }
}
