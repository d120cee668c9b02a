using ScribeBot.Core.Channels;
using ScribeBot.Core.Incidents;

namespace ScribeBot.Core.Paging.Routing;

/// <summary>A validated route: which pages (<see cref="Source"/> and <see cref="Terms"/>) go to which channel, and what they may do there.</summary>
public sealed record PageRoute(
    int Index,
    PageSource? Source,
    IReadOnlyList<PageMatchTerm> Terms,
    ChannelRef Channel,
    bool Declare,
    bool ResolveWithAlert,
    IReadOnlyDictionary<string, Severity> SeverityMap)
{
    /// <summary>The <see cref="Index"/> of a route made in code (<see cref="To"/>), which is none of <c>Alerts:Routes</c>.</summary>
    public const int Direct = -1;

    /// <summary>
    /// A route to <paramref name="channel"/> for pages whose channel is known without configuration (the sandbox's
    /// simulated pages, a replayed transcript's): it matches every page and maps priorities by <see cref="PageSeverity.Default"/>.
    /// </summary>
    public static PageRoute To(ChannelRef channel, bool declare = true, bool resolveWithAlert = false) =>
        new(Direct, null, [], channel, declare, resolveWithAlert, new Dictionary<string, Severity>());

    public bool Matches(PageEvent page) =>
        (Source is null || Source == page.Source) && Terms.All(term => term.Matches(page.Labels));

    /// <summary>The route's own mapping for the page's priority, else <see cref="PageSeverity.Default"/>.</summary>
    public Severity SeverityOf(PageEvent page) =>
        page.Priority is { } priority && SeverityMap.TryGetValue(priority.Trim(), out var mapped)
            ? mapped
            : PageSeverity.Default(page.Priority);
}
