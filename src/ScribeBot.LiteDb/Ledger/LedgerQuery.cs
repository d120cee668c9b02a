using ScribeBot.Core.Storage;

namespace ScribeBot.LiteDb.Ledger;

/// <summary>
/// Answers the dashboard's <see cref="IncidentQuery"/> from ledger entries already newest first (<see cref="LedgerOrder"/>):
/// filter and page in one walk, giving the page's entries and the total.
/// </summary>
internal static class LedgerQuery
{
    public static (IReadOnlyList<LedgerEntry> Entries, int Total) Page(LedgerSnapshot ledger, IncidentQuery query)
    {
        var skip = Math.Max(0, query.Skip);
        var take = Math.Max(0, query.Take);
        var page = new List<LedgerEntry>(Math.Min(take, ledger.Entries.Count));
        var total = 0;
        foreach (var entry in ledger.Entries)
        {
            if ((query.Status is null || entry.Status == query.Status)
                && (query.Severity is null || entry.Severity == query.Severity)
                && (query.Platform is null || entry.Platform == query.Platform))
            {
                if (total >= skip && total - skip < take)
                {
                    page.Add(entry);
                }

                total++;
            }
        }

        return (page, total);
    }
}
