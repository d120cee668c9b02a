using ScribeBot.Core.Commands;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Paging.Routing;
using ScribeBot.Core.Postmortem;
using ScribeBot.Core.Text;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Paging;

/// <summary>
/// What each event of a page does to the incident that records it. The incident keeps its own rules: an
/// acknowledgement from the pager sets the acknowledgement only once and only while open; a resolution closes the
/// incident only when the route says so (<see cref="PageRoute.ResolveWithAlert"/>), otherwise people are asked to.
/// </summary>
internal static class PageEvents
{
    /// <summary>Records the page on an incident that did not have it: its trigger entry, and the detection if the page came first.</summary>
    public static PageChange Attach(Incident incident, PageLink page)
    {
        var first = incident.PageKeys.Count == 0;
        var attached = incident.AttachPage(page, PagePeople.Source(page.Source), PageEntries.TriggerId(page), PageEntries.DetectionMethod(page));
        return new PageChange(attached, [PageEntries.Trigger(attached, page, first)], []);
    }

    /// <summary>The announcement of a page that arrived while the incident was already open.</summary>
    public static PageChange AnnounceAttached(Incident incident, PageLink page) =>
        new(incident, [], [Announce(incident, new ChatTextBuilder()
            .Strong($"{page.Source.ToLabel()} page")
            .Plain($" recorded on {incident.DisplayId}: {page.Description} (fired {incident.LocalTimeText(page.TriggeredAt)}).")
            .Build())]);

    /// <summary>The announcement of an incident the page declared.</summary>
    public static AnnouncementPost AnnounceDeclared(Incident incident, PageLink page) => Announce(incident, new ChatTextBuilder()
        .Strong($"{incident.DisplayId} declared from {Article(page.Source)} {page.Source.ToLabel()} page: ").Plain(incident.Title)
        .Plain($" ({incident.Severity.ToLabel()}, fired {incident.LocalTimeText(page.TriggeredAt)}). ")
        .Plain($"I'm recording this channel. Take command with /incident commander and your @mention; tag key messages with {TagHint.Means(incident.Channel.Platform)}; /incident resolve closes it and posts the postmortem draft.")
        .Build());

    public static PageChange Apply(Incident incident, PageEvent page, PageRoute route) => page.Action switch
    {
        PageAction.Triggered => new PageChange(incident, [], []),
        PageAction.Acknowledged => Acknowledge(incident, page),
        PageAction.Escalated or PageAction.Reassigned => Escalate(incident, page),
        PageAction.Resolved => route.ResolveWithAlert && incident.IsOpen ? Resolve(incident, page) : PromptResolve(incident, page),
        _ => Record(incident, page),
    };

    private static PageChange Acknowledge(Incident incident, PageEvent page)
    {
        var entry = PageEntries.For(incident, page, TimelineTag.KeyEvent, PageEntries.Describe(page));
        var by = PagePeople.Actor(page);
        var decision = incident.Acknowledge(new Milestone(page.At, by, entry.MessageId));
        if (decision.Refused)
        {
            // Already acknowledged (by a person, or an earlier page), or resolved: the event is history, not a milestone.
            return new PageChange(incident, [entry], []);
        }

        var acknowledged = decision.Incident;
        var text = new ChatTextBuilder().Strong($"{incident.DisplayId} acknowledged").Plain($" in {page.Source.ToLabel()} by {by.DisplayName}");
        if (acknowledged.TimeToAcknowledge is { } mtta)
        {
            text.Plain($", {DurationText.Humanize(mtta)} after {acknowledged.ClockStartText}");
        }

        return new PageChange(acknowledged, [entry], [Announce(incident, text.Plain(".").Build())]);
    }

    private static PageChange Escalate(Incident incident, PageEvent page)
    {
        var description = PageEntries.Describe(page);
        var entry = PageEntries.For(incident, page, TimelineTag.Escalation, description);
        var verb = page.Action == PageAction.Escalated ? "escalated" : "reassigned";
        var text = new ChatTextBuilder().Strong($"{incident.DisplayId} {verb}")
            .Plain($" in {page.Source.ToLabel()}{PageEntries.BySuffix(page)}{PageEntries.DetailSuffix(page)}.").Build();
        return new PageChange(incident, [entry], incident.IsOpen ? [Announce(incident, text)] : []);
    }

    private static PageChange Record(Incident incident, PageEvent page) =>
        new(incident, [PageEntries.For(incident, page, PageEntries.TagOf(page.Action), PageEntries.Describe(page))], []);

    private static PageChange Resolve(Incident incident, PageEvent page)
    {
        var by = PagePeople.Actor(page);
        var entry = PageEntries.For(incident, page, TimelineTag.Resolution, PageEntries.Describe(page));
        // The alert cleared: that is when impact ended, unless a person has said otherwise (IncidentFacts' precedence).
        var milestone = new Milestone(page.At, by, entry.MessageId);
        var resolved = incident.RecordPageRecovery(milestone).Resolve(milestone, resolution: null).Incident;
        var text = new ChatTextBuilder()
            .Strong($"{incident.DisplayId} resolved").Plain($" with its {page.Source.ToLabel()} page");
        if (resolved.TimeToResolve is { } mttr)
        {
            text.Plain($", {DurationText.Humanize(mttr)} after {resolved.ClockStartText}");
        }

        text.Plain(". The postmortem draft follows; fill the gaps with /incident rootcause, impact, users, improve, todo.");
        return new PageChange(resolved, [entry], [Announce(incident, text.Build()), new PostmortemPost(incident.Channel, incident.Id)]);
    }

    private static PageChange PromptResolve(Incident incident, PageEvent page)
    {
        var entry = PageEntries.For(incident, page, TimelineTag.KeyEvent, PageEntries.Describe(page));
        if (!incident.IsOpen)
        {
            return new PageChange(incident, [entry], []);
        }

        var recovered = incident.RecordPageRecovery(new Milestone(page.At, PagePeople.Actor(page), entry.MessageId));
        var text = new ChatTextBuilder()
            .Strong($"The {page.Source.ToLabel()} page resolved")
            .Plain($" at {incident.LocalTimeText(page.At)}. If {incident.DisplayId} is over, /incident resolve closes it and posts the postmortem draft.")
            .Plain(recovered.RecoveredByPage ? " The draft takes the page's time as when impact ended, unless a message is tagged resolution or /incident recovered [at HH:MM] says otherwise." : "")
            .Build();
        return new PageChange(recovered, [entry], [Announce(incident, text)]);
    }

    // "an Alertmanager page", "an Opsgenie page", "a PagerDuty page", "a Grafana page".
    private static string Article(PageSource source) => source is PageSource.Alertmanager or PageSource.Opsgenie ? "an" : "a";

    private static AnnouncementPost Announce(Incident incident, ChatText text) => new(incident.Channel, text);
}
