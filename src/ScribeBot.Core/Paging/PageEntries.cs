using ScribeBot.Core.Incidents;
using ScribeBot.Core.Links;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Paging;

/// <summary>The timeline entries a page's events make: keyed so that a retried webhook finds its entry and adds none.</summary>
public static class PageEntries
{
    /// <summary>Whether a timeline entry was made by a page rather than by a person's command.</summary>
    public static bool IsPageEntry(TimelineEntry entry) => IsPageEntry(entry.Source, entry.MessageId);

    /// <summary>Whether the entry of <paramref name="messageId"/> was made by a page rather than by a person's command.</summary>
    public static bool IsPageEntry(EntrySource source, string messageId) =>
        source == EntrySource.Command && messageId.StartsWith("page:", StringComparison.Ordinal);

    /// <summary>Keys the entry of one event of a page (PagerDuty's event id, an Alertmanager fingerprint, start and status).</summary>
    public static string EventId(PageEvent page) => $"page:{page.Source.ToName()}:{page.EventId}";

    /// <summary>
    /// Keys the entry of the page's trigger by the alert, not by an event: whichever of a page's events arrives first
    /// records the trigger, and the trigger's own event, arriving later, finds it.
    /// </summary>
    public static string TriggerId(PageLink page) => $"page:{page.Key}/triggered";

    /// <summary>
    /// "PagerDuty page: checkout-api - High error rate": the detection method a paged incident records. No time: the
    /// draft's detection line and the timeline give the detection's own.
    /// </summary>
    public static string DetectionMethod(PageLink page) =>
        page.Service is { Length: > 0 } service
            ? $"{page.Source.ToLabel()} page: {service} - {page.Title}"
            : $"{page.Source.ToLabel()} page: {page.Title}";

    /// <summary>The page's trigger, at the alert's own trigger time: the detection when it is the incident's first page.</summary>
    public static TimelineEntry Trigger(Incident incident, PageLink page, bool first) =>
        Entry(incident, TriggerId(page), page.TriggeredAt, PagePeople.Source(page.Source), first ? TimelineTag.Detection : TimelineTag.KeyEvent,
            $"Page: {page.Description}", page.Url);

    /// <summary>The declaration of an incident the page opened, when the bot received it.</summary>
    public static TimelineEntry Declared(Incident incident, string id, DateTimeOffset at, Channels.Person pager) =>
        Entry(incident, id, at, pager, TimelineTag.KeyEvent, $"Incident declared from the {pager.DisplayName} page: {incident.Title} ({incident.Severity.ToLabel()})", null);

    /// <summary>One event of a page after its trigger, at the event's own time.</summary>
    public static TimelineEntry For(Incident incident, PageEvent page, TimelineTag tag, string text) =>
        Entry(incident, EventId(page), page.At, PagePeople.Actor(page), tag, text, page.Url);

    /// <summary>What an event says, for its entry: "PagerDuty: acknowledged by Alice Ng".</summary>
    public static string Describe(PageEvent page)
    {
        var source = page.Source.ToLabel();
        var by = BySuffix(page);
        var detail = DetailSuffix(page);
        return page.Action switch
        {
            PageAction.Acknowledged => $"{source}: acknowledged{by}",
            PageAction.Unacknowledged => $"{source}: acknowledgement withdrawn{by}",
            PageAction.Escalated => $"{source}: escalated{by}{detail}",
            PageAction.Reassigned => $"{source}: reassigned{by}{detail}",
            PageAction.Annotated => $"{source}: note{by}{detail}",
            PageAction.PriorityUpdated => $"{source}: priority changed{by}{detail}",
            PageAction.Reopened => $"{source}: page reopened{by}",
            PageAction.Resolved => $"{source}: page resolved{by}",
            _ => $"{source}: page triggered{detail}",
        };
    }

    /// <summary>" by Alice Ng", or nothing when the source names nobody.</summary>
    public static string BySuffix(PageEvent page) => page.Actor is { Length: > 0 } actor ? $" by {actor}" : "";

    /// <summary>": to Carol Diaz (level 2)", or nothing when the event says no more than its action.</summary>
    public static string DetailSuffix(PageEvent page) => page.Detail is { Length: > 0 } detail ? $": {detail}" : "";

    /// <summary>The tag an event's entry carries in the postmortem's timeline.</summary>
    public static TimelineTag TagOf(PageAction action) => action switch
    {
        PageAction.Escalated or PageAction.Reassigned => TimelineTag.Escalation,
        PageAction.Annotated or PageAction.Unacknowledged => TimelineTag.Note,
        _ => TimelineTag.KeyEvent,
    };

    private static TimelineEntry Entry(
        Incident incident, string id, DateTimeOffset at, Channels.Person author, TimelineTag tag, string text, string? url) => new()
    {
        IncidentId = incident.Id,
        MessageId = id,
        At = at,
        Author = author,
        Text = Text.TextShortener.Shorten(text, IncidentLimits.MaxTextLength),
        Permalink = SafeLink.IsWebAddress(url) ? url : null,

        // Written by the bot, like a command's entry: shown in the draft without a tag of anyone's.
        Source = EntrySource.Command,
        Marks = [new TagMark(tag, author.Id)],
    };
}
