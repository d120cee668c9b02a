using ScribeBot.Core.Channels;
using ScribeBot.Core.Paging;

namespace ScribeBot.Core.Incidents;

// Pages from the on-call system: which ones the incident records, and the one its clocks run from.
public sealed partial record Incident
{
    /// <summary>
    /// The page the on-call clocks run from (MTTA and MTTR start when it fired), or null when the incident began with
    /// its declaration.
    /// </summary>
    public PageLink? Page { get; init; }

    /// <summary>The <see cref="PageLink.Key"/> of every page recorded on the incident, so each page's later events find it.</summary>
    public IReadOnlyList<string> PageKeys { get; init; } = [];

    /// <summary>Where MTTA and MTTR start: the page's trigger, else the declaration.</summary>
    public DateTimeOffset ClockStart => Page?.TriggeredAt ?? Declared.At;

    /// <summary>What MTTA and MTTR are counted from, as announcements say it: "… 4 minutes after the page".</summary>
    public string ClockStartText => Page is null ? "it was declared" : "the page";

    public bool Records(PageLink page) => PageKeys.Contains(page.Key, StringComparer.Ordinal);

    /// <summary>
    /// Records a page on the incident. It starts the clocks when the incident has no page yet and the page fired no
    /// later than the declaration (a page that fires after people declared it is one more event, not the start).
    /// Likewise it gives the detection time and method only when it fired no later than the declaration and before
    /// any detection recorded: people who declared before the pager fired found the problem themselves, and a later
    /// page taken as the detection would put detection after the declaration, an impossible order.
    /// <paramref name="pager"/> marks the detection; <paramref name="requestId"/> names the page's timeline entry.
    /// </summary>
    public Incident AttachPage(PageLink page, Person pager, string requestId, string detectionMethod)
    {
        if (Records(page))
        {
            return this;
        }

        var startsClock = Page is null && page.TriggeredAt <= Declared.At;
        var detects = page.TriggeredAt <= Declared.At && (Detected is null || page.TriggeredAt < Detected.At);
        return this with
        {
            PageKeys = [.. PageKeys, page.Key],
            Page = startsClock ? page : Page,
            Detected = detects ? new Milestone(page.TriggeredAt, pager, requestId) : Detected,
            DetectionMethod = detects ? detectionMethod : DetectionMethod,
        };
    }
}
