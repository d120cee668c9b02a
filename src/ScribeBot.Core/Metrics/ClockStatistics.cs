using ScribeBot.Core.Paging;

namespace ScribeBot.Core.Metrics;

/// <summary>
/// MTTA and MTTR by where their clocks ran from. <see cref="BySource"/> has a row per page source, most incidents
/// first, then one keyed null for the incidents measured from their declaration; <see cref="ByService"/> a row per
/// paged service, keyed null for pages that named none. Both are empty when no incident was paged.
/// </summary>
public sealed record ClockStatistics(
    int Paged, IReadOnlyList<GroupStatistics<PageSource?>> BySource, IReadOnlyList<GroupStatistics<string?>> ByService)
{
    public static readonly ClockStatistics None = new(0, [], []);

    /// <summary>The rows of the page sources, without the one of the incidents measured from their declaration.</summary>
    public IEnumerable<GroupStatistics<PageSource?>> PagedSources => BySource.Where(s => s.Key is not null);

    /// <summary>
    /// Which clock the figures of <paramref name="incidents"/> incidents use: "MTTA and MTTR run from the page for 3 of 10
    /// incidents (PagerDuty 2, Alertmanager 1), from the declaration for the others."
    /// </summary>
    public string Describe(int incidents)
    {
        var sources = string.Join(", ", PagedSources.Select(s => $"{s.Key!.Value.ToLabel()} {s.Count}"));
        return Paged == 0 ? "MTTA and MTTR run from the declaration."
            : Paged < incidents ? $"MTTA and MTTR run from the page for {Paged} of {incidents} incidents ({sources}), from the declaration for the others."
            : incidents == 1 ? $"MTTA and MTTR run from the page ({sources})."
            : $"MTTA and MTTR run from the page for all {incidents} incidents ({sources}).";
    }
}
