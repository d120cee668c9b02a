using System.Text.RegularExpressions;
using ScribeBot.Core.Paging;
using ScribeBot.Core.Paging.Routing;
using static ScribeBot.Core.Tests.Paging.Pages;

namespace ScribeBot.Core.Tests.Paging;

public sealed class PageIntakeTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_triggered_page_declares_an_incident_detected_and_timed_from_the_page()
    {
        using var bed = new CommandTestBed(routes: [Route()]);

        var result = await bed.Pages.ReceiveAsync([PagerDuty(PageAction.Triggered, "E1", Fired)], None);

        Assert.Equal(new PageIntakeResult(1, 0, 0), result);
        var incident = await bed.IncidentAsync();
        Assert.Equal("checkout-api: High error rate", incident.Title);
        Assert.Equal(Severity.Sev1, incident.Severity);
        Assert.Null(incident.Commander);
        Assert.Equal(CommandTestBed.Start, incident.Declared.At);
        Assert.Equal(Fired, incident.ClockStart);
        Assert.Equal(Fired, incident.Detected!.At);
        Assert.Equal("PagerDuty page: checkout-api - High error rate", incident.DetectionMethod);

        var timeline = await bed.TimelineAsync();
        var detection = timeline.Single(e => e.Tags.Contains(TimelineTag.Detection));
        Assert.Equal(Fired, detection.At);
        Assert.Equal("Page: PagerDuty: checkout-api - High error rate", detection.Text);
        Assert.Equal("https://acme.pagerduty.com/incidents/Q1ABC", detection.Permalink);

        var announcement = await bed.AnnouncedAsync("page:pagerduty:Q1ABC/declared");
        Assert.StartsWith("INC-1 declared from a PagerDuty page: checkout-api: High error rate (SEV1, fired 13:58 UTC).", announcement);
    }

    [Fact]
    public async Task The_pagers_acknowledgement_and_resolution_time_the_incident_from_the_page()
    {
        using var bed = await TriggeredAsync(Route(resolveWithAlert: true));

        await bed.Pages.ReceiveAsync([PagerDuty(PageAction.Acknowledged, "E2", Fired.AddMinutes(4), actor: "Alice Ng")], None);
        await bed.Pages.ReceiveAsync([PagerDuty(PageAction.Resolved, "E3", Fired.AddMinutes(40), actor: "Alice Ng")], None);

        var incident = await bed.IncidentAsync();
        Assert.Equal(TimeSpan.FromMinutes(4), incident.TimeToAcknowledge);
        Assert.Equal(TimeSpan.FromMinutes(40), incident.TimeToResolve);
        Assert.Equal("Alice Ng", incident.Acknowledged!.By.DisplayName);
        Assert.Equal(IncidentStatus.Resolved, incident.Status);

        // The page ended impact and resolved the incident at one instant: one timeline line says both.
        Assert.Equal((Fired.AddMinutes(40), true), (incident.Recovered?.At, incident.RecoveredByPage));
        var timeline = PostmortemMarkdown.RenderSection(PostmortemDraft.BuildTimeline(incident, await bed.TimelineAsync()));
        Assert.DoesNotContain("**Recovered**", timeline, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(timeline, @"\*\*Resolved\*\*"));
        Assert.Equal("INC-1 acknowledged in PagerDuty by Alice Ng, 4 minutes after the page.", await bed.AnnouncedAsync("page:pagerduty:E2"));
        Assert.StartsWith("INC-1 resolved with its PagerDuty page, 40 minutes after the page.", await bed.AnnouncedAsync("page:pagerduty:E3"));
        Assert.IsType<PostmortemPost>(await bed.PostAsync("page:pagerduty:E3", 1));

        var draft = PostmortemMarkdown.Render(PostmortemDraft.Build(incident, await bed.TimelineAsync()));
        var times = draft.Split('\n').Single(line => line.Contains("(MTTA)", StringComparison.Ordinal));
        Assert.EndsWith(". From the PagerDuty page at Mon, Mar 2, 2026, 13:58 UTC.", times);
    }

    [Fact]
    public async Task By_default_a_resolved_page_asks_people_to_resolve_and_leaves_the_incident_open()
    {
        using var bed = await TriggeredAsync(Route());

        await bed.Pages.ReceiveAsync([PagerDuty(PageAction.Resolved, "E9", Fired.AddMinutes(30))], None);

        var incident = await bed.IncidentAsync();
        Assert.True(incident.IsOpen);
        Assert.Equal(
            "The PagerDuty page resolved at 14:28 UTC. If INC-1 is over, /incident resolve closes it and posts the postmortem draft. The draft takes the page's time as when impact ended, unless a message is tagged resolution or /incident recovered [at HH:MM] says otherwise.",
            await bed.AnnouncedAsync("page:pagerduty:E9"));
        var entry = await bed.EntryAsync("page:pagerduty:E9");
        Assert.Equal("PagerDuty: page resolved", entry.Text);
        Assert.Equal(Fired.AddMinutes(30), entry.At);

        // The alert cleared: impact ended then, though nobody has resolved the incident yet.
        Assert.Equal((Fired.AddMinutes(30), "page:pagerduty:E9"), (incident.Recovered?.At, incident.Recovered?.RequestId));
        Assert.True(incident.RecoveredByPage);
    }

    [Fact]
    public async Task A_retried_webhook_changes_nothing_and_is_counted_as_a_duplicate()
    {
        using var bed = new CommandTestBed(routes: [Route()]);
        var pages = new[] { PagerDuty(PageAction.Triggered, "E1", Fired), PagerDuty(PageAction.Acknowledged, "E2", Fired.AddMinutes(3), "Bob") };
        await bed.Pages.ReceiveAsync(pages, None);
        var before = await bed.SnapshotAsync();

        var retry = await bed.Pages.ReceiveAsync(pages, None);

        Assert.Equal(new PageIntakeResult(0, 2, 0), retry);
        Assert.Equal(before, await bed.SnapshotAsync());
    }

    [Fact]
    public async Task Events_that_arrive_out_of_order_are_placed_by_their_own_times()
    {
        using var bed = new CommandTestBed(routes: [Route()]);

        // The acknowledgement's webhook overtakes the trigger's.
        await bed.Pages.ReceiveAsync([PagerDuty(PageAction.Acknowledged, "E2", Fired.AddMinutes(5), "Bob")], None);
        var late = await bed.Pages.ReceiveAsync([PagerDuty(PageAction.Triggered, "E1", Fired)], None);

        Assert.Equal(new PageIntakeResult(0, 1, 0), late);
        var incident = await bed.IncidentAsync();
        Assert.Equal(TimeSpan.FromMinutes(5), incident.TimeToAcknowledge);
        var timeline = await bed.TimelineAsync();
        Assert.Equal([Fired, CommandTestBed.Start, Fired.AddMinutes(5)], timeline.Select(e => e.At).Order().ToArray());
        Assert.Equal(TimelineTag.Detection, timeline.OrderBy(e => e.At).First().Tags.Single());
    }

    [Fact]
    public async Task An_escalation_is_an_escalation_entry_announced_in_the_channel()
    {
        using var bed = await TriggeredAsync(Route());

        await bed.Pages.ReceiveAsync([PagerDuty(PageAction.Escalated, "E4", Fired.AddMinutes(15), detail: "to Carol Diaz (level 2)")], None);

        var entry = await bed.EntryAsync("page:pagerduty:E4");
        Assert.Equal([TimelineTag.Escalation], entry.Tags);
        Assert.Equal("PagerDuty: escalated: to Carol Diaz (level 2)", entry.Text);
        Assert.Equal("INC-1 escalated in PagerDuty: to Carol Diaz (level 2).", await bed.AnnouncedAsync("page:pagerduty:E4"));
    }

    [Fact]
    public async Task A_page_that_fired_before_people_declared_starts_the_clocks_of_their_incident()
    {
        using var bed = new CommandTestBed(routes: [Route()]);
        await bed.DoAsync("start Checkout is down sev2");
        await bed.DoAfterAsync(TimeSpan.FromMinutes(6), "ack");

        var result = await bed.Pages.ReceiveAsync([PagerDuty(PageAction.Triggered, "E1", Fired)], None);

        Assert.Equal(new PageIntakeResult(1, 0, 0), result);
        var incident = await bed.IncidentAsync();
        Assert.Equal("Checkout is down", incident.Title);
        Assert.Equal(Fired, incident.ClockStart);
        Assert.Equal(TimeSpan.FromMinutes(8), incident.TimeToAcknowledge);
        Assert.Equal("INC-1", (await bed.Store.FindOpenIncidentAsync(CommandTestBed.Channel, None))!.DisplayId);
        Assert.StartsWith("PagerDuty page recorded on INC-1: PagerDuty: checkout-api - High error rate", await bed.AnnouncedAsync("page:pagerduty:E1"));
    }

    [Fact]
    public async Task A_page_that_fires_after_the_declaration_is_one_more_event_and_leaves_the_clocks_alone()
    {
        using var bed = new CommandTestBed(routes: [Route()]);
        await bed.DoAsync("start Checkout is down sev2");
        var later = PagerDuty(PageAction.Triggered, "E1", CommandTestBed.Start.AddMinutes(3)) with { TriggeredAt = CommandTestBed.Start.AddMinutes(3) };

        await bed.Pages.ReceiveAsync([later], None);

        var incident = await bed.IncidentAsync();
        Assert.Null(incident.Page);
        Assert.Equal(CommandTestBed.Start, incident.ClockStart);
        Assert.Single(incident.PageKeys);
        // People found it first: the later page is no detection, which would put detection after the declaration.
        Assert.Null(incident.Detected);
        Assert.Null(incident.DetectionMethod);
        Assert.Empty(incident.OrderConflicts());
    }

    [Fact]
    public async Task A_page_no_route_matches_is_counted_and_kept_nowhere()
    {
        using var bed = new CommandTestBed(routes: [Route(source: "opsgenie")]);

        var result = await bed.Pages.ReceiveAsync([PagerDuty(PageAction.Triggered, "E1", Fired)], None);

        Assert.Equal(new PageIntakeResult(0, 0, 1), result);
        Assert.Null(await bed.Store.FindLatestIncidentAsync(CommandTestBed.Channel, None));
        Assert.Null(await bed.PostAsync("page:pagerduty:E1"));
    }

    [Fact]
    public async Task Without_declare_a_page_is_a_notice_that_a_start_within_the_hour_links()
    {
        using var bed = new CommandTestBed(routes: [Route(declare: false)]);

        await bed.Pages.ReceiveAsync([PagerDuty(PageAction.Triggered, "E1", Fired)], None);

        Assert.Null(await bed.Store.FindLatestIncidentAsync(CommandTestBed.Channel, None));
        Assert.StartsWith("PagerDuty page: PagerDuty: checkout-api - High error rate. /incident start within the hour", await bed.AnnouncedAsync("page:pagerduty:E1"));

        bed.Clock.Advance(TimeSpan.FromMinutes(20));
        var start = await bed.DoAsync("start Checkout errors sev2");

        var incident = await bed.IncidentAsync();
        Assert.Equal(Fired, incident.ClockStart);
        Assert.Equal("PagerDuty page: checkout-api - High error rate", incident.DetectionMethod);
        Assert.Contains("Linked to the PagerDuty page \"High error rate\" (fired 13:58 UTC)", CommandTestBed.Announced(start));

        // Linked once: the next incident in the channel starts from its own declaration.
        await bed.DoAsync("resolve");
        await bed.DoAsync("start Another one");
        Assert.Null((await bed.IncidentAsync(2)).Page);
    }

    [Fact]
    public async Task A_start_more_than_an_hour_after_the_notice_does_not_link_the_page()
    {
        using var bed = await TriggeredAsync(Route(declare: false));

        bed.Clock.Advance(TimeSpan.FromMinutes(61));
        await bed.DoAsync("start Checkout errors sev2");

        var incident = await bed.IncidentAsync();
        Assert.Null(incident.Page);
        Assert.Null(incident.DetectionMethod);
    }

    [Fact]
    public async Task Routes_match_labels_and_the_first_matching_route_wins()
    {
        var payments = new ChannelRef(ChatPlatform.Teams, "tenant", "19:pay@thread.tacv2");
        using var bed = new CommandTestBed(routes:
        [
            Route(channel: "teams:tenant:19:pay@thread.tacv2", source: "alertmanager", match: "team=payments, env=prod"),
            Route(channel: "slack:T1:C1", source: "alertmanager"),
        ]);

        await bed.Pages.ReceiveAsync([Alertmanager("firing", Fired, new PageLabel("team", "payments"), new PageLabel("env", "prod"))], None);

        var incident = await bed.IncidentAsync(channel: payments);
        Assert.Equal(Severity.Sev3, incident.Severity);
        Assert.Null(await bed.Store.FindLatestIncidentAsync(CommandTestBed.Channel, None));

        await bed.Pages.ReceiveAsync([Alertmanager("firing", Fired, new PageLabel("team", "payments"), new PageLabel("env", "staging")) with { AlertId = "other", EventId = "other/firing" }], None);
        Assert.NotNull(await bed.Store.FindLatestIncidentAsync(CommandTestBed.Channel, None));
    }

    [Fact]
    public async Task A_page_on_an_explicit_route_goes_to_its_channel_whatever_the_configured_routes_say()
    {
        var sandbox = new ChannelRef(ChatPlatform.Web, "sandbox", "sandbox");
        using var bed = new CommandTestBed(routes: [Route(source: "opsgenie")]);
        var route = PageRoute.To(sandbox);

        var fired = await bed.Pages.ReceiveAsync([PagerDuty(PageAction.Triggered, "E1", Fired)], route, None);
        var acked = await bed.Pages.ReceiveAsync([PagerDuty(PageAction.Acknowledged, "E2", Fired.AddMinutes(4), "Alice Ng")], route, None);
        var retried = await bed.Pages.ReceiveAsync([PagerDuty(PageAction.Acknowledged, "E2", Fired.AddMinutes(4), "Alice Ng")], route, None);

        Assert.Equal([new PageIntakeResult(1, 0, 0), new PageIntakeResult(1, 0, 0), new PageIntakeResult(0, 1, 0)], [fired, acked, retried]);
        var incident = await bed.IncidentAsync(channel: sandbox);
        Assert.Equal("checkout-api: High error rate", incident.Title);
        Assert.Equal(Severity.Sev1, incident.Severity);
        Assert.Equal(TimeSpan.FromMinutes(4), incident.TimeToAcknowledge);
        Assert.Null(await bed.Store.FindLatestIncidentAsync(CommandTestBed.Channel, None));

        // The configured routes still decide for the overload without a route.
        Assert.Equal(new PageIntakeResult(0, 0, 1), await bed.Pages.ReceiveAsync([PagerDuty(PageAction.Triggered, "E3", Fired) with { AlertId = "Q2" }], None));
    }

    [Fact]
    public async Task A_repeat_notification_of_a_firing_alert_is_a_duplicate()
    {
        using var bed = new CommandTestBed(routes: [Route()]);
        var firing = Alertmanager("firing", Fired);
        await bed.Pages.ReceiveAsync([firing], None);

        var repeat = await bed.Pages.ReceiveAsync([firing with { At = Fired.AddHours(4) }], None);

        Assert.Equal(new PageIntakeResult(0, 1, 0), repeat);
    }

    [Fact]
    public async Task A_note_that_carries_no_labels_follows_its_page_to_the_channel_it_went_to()
    {
        using var bed = await TriggeredAsync(Route(source: "pagerduty", match: "service=PSVC1"));

        // PagerDuty's incident.annotated names only its incident: no service, so no route matches it.
        var note = PagerDuty(PageAction.Annotated, "E5", Fired.AddMinutes(7), "Alice Ng", "rolled back 4.2") with { Labels = [], Service = null };
        var result = await bed.Pages.ReceiveAsync([note], None);

        Assert.Equal(new PageIntakeResult(1, 0, 0), result);
        var entry = await bed.EntryAsync("page:pagerduty:E5");
        Assert.Equal([TimelineTag.Note], entry.Tags);
        Assert.Equal("PagerDuty: note by Alice Ng: rolled back 4.2", entry.Text);
    }

    [Fact]
    public async Task An_acknowledgement_in_the_pager_before_the_declaration_is_no_impossible_order()
    {
        using var bed = await TriggeredAsync(Route(declare: false));
        bed.Clock.Advance(TimeSpan.FromMinutes(10));
        await bed.DoAsync("start Checkout errors sev2");

        // The on-call acknowledged the page a minute after it fired, well before anyone declared in chat.
        await bed.Pages.ReceiveAsync([PagerDuty(PageAction.Acknowledged, "E2", Fired.AddMinutes(1), "Bob")], None);

        var incident = await bed.IncidentAsync();
        var times = incident.GetResponseTimes();
        Assert.Equal(new MeasuredSpan(TimeSpan.FromMinutes(1), ImpossibleOrder: false), times.ToAcknowledge);
        Assert.Empty(incident.OrderConflicts());
    }

    [Fact]
    public async Task A_late_event_of_an_earlier_incidents_page_does_not_join_the_incident_open_now()
    {
        using var bed = await TriggeredAsync(Route());
        await bed.DoAsync("resolve");
        await bed.DoAsync("start Something else sev3");

        var late = await bed.Pages.ReceiveAsync([PagerDuty(PageAction.Resolved, "E9", Fired.AddMinutes(50))], None);

        Assert.Equal(new PageIntakeResult(0, 1, 0), late);
        var second = await bed.IncidentAsync(2);
        Assert.Empty(second.PageKeys);
        Assert.Null(await bed.PostAsync("page:pagerduty:E9"));
    }

    [Fact]
    public async Task The_drafts_timeline_links_a_pages_entry_as_the_page_not_a_command()
    {
        using var bed = await TriggeredAsync(Route());
        await bed.Pages.ReceiveAsync([PagerDuty(PageAction.Escalated, "E4", Fired.AddMinutes(15), detail: "to Carol Diaz (level 2)")], None);

        var draft = PostmortemMarkdown.Render(PostmortemDraft.Build(await bed.IncidentAsync(), await bed.TimelineAsync()));

        var escalation = draft.Split('\n').First(line => line.Contains("**Escalation**", StringComparison.Ordinal));
        Assert.EndsWith("PagerDuty: escalated: to Carol Diaz (level 2) ([page](<https://acme.pagerduty.com/incidents/Q1ABC>))", escalation);
    }

    /// <summary>A test bed that routes pages by <paramref name="route"/>, after the page's trigger (E1, at <see cref="Pages.Fired"/>) arrived.</summary>
    private static async Task<CommandTestBed> TriggeredAsync(PageRouteOptions route)
    {
        var bed = new CommandTestBed(routes: [route]);
        try
        {
            await bed.Pages.ReceiveAsync([PagerDuty(PageAction.Triggered, "E1", Fired)], None);
            return bed;
        }
        catch (Exception)
        {
            bed.Dispose();
            throw;
        }
    }
}
