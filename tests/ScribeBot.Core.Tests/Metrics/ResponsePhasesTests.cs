using ScribeBot.Core.Metrics;
using ScribeBot.Core.Paging;
using ScribeBot.Core.Postmortem;
using static ScribeBot.Core.Tests.Metrics.TenOClock;
using static ScribeBot.Core.Tests.Postmortem.Scenarios;

namespace ScribeBot.Core.Tests.Metrics;

public sealed class ResponsePhasesTests
{
    private static string? Line(ResponsePhases phases) => PhasesText.Line(phases, IncidentClock.For("UTC"))?.ToPlainString();

    [Fact]
    public void Each_phase_is_measured_and_said_in_one_line()
    {
        var incident = EveryMilestone();
        var entries = new EntryList(incident.Id);
        entries.Say(At(30), Bo, "maybe the pool?", TimelineTag.Note);
        entries.Say(At(40), Priya, "pool max is 20, was 200", TimelineTag.RootCause);
        entries.Say(At(50), Priya, "confirmed: the pool", TimelineTag.RootCause);

        var phases = ResponsePhases.Of(incident, entries.Entries);

        Assert.Equal(
            new ResponsePhases(TimeSpan.FromMinutes(7), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(40), TimeSpan.FromMinutes(65)),
            phases);
        Assert.Equal(
            "Time to detect: 7 minutes; acknowledge (MTTA): 2 minutes; root cause: 40 minutes; resolve (MTTR): 1 hour, 5 minutes. "
            + "Detection from impact start, the rest from the declaration.",
            Line(phases));
    }

    [Fact]
    public void Unknown_phases_are_left_out_not_shown_as_placeholders()
    {
        var incident = DeclaredAtTen() with { Acknowledged = By(4) };

        var phases = ResponsePhases.Of(incident, []);

        Assert.Equal("Time to acknowledge (MTTA): 4 minutes. From the declaration.", Line(phases));
    }

    [Fact]
    public void An_incident_with_no_known_phase_has_no_line()
    {
        var incident = DeclaredAtTen();

        var phases = ResponsePhases.Of(incident, []);

        Assert.True(phases.IsEmpty);
        Assert.Null(Line(phases));
    }

    [Fact]
    public void A_phase_resting_on_times_in_an_impossible_order_is_not_stated()
    {
        // Impact "began" 09:58, after the detection at 09:57; acknowledged 09:40, before the declaration. The rule is
        // the incident's own (OrderConflicts): detection, MTTA and MTTR rest on a wrong time, the root cause does not.
        var incident = EveryMilestone() with { ImpactBegan = By(-2), Acknowledged = By(-20) };
        var entries = new EntryList(incident.Id);
        entries.Say(At(40), Priya, "pool max is 20", TimelineTag.RootCause);

        var phases = ResponsePhases.Of(incident, entries.Entries);

        Assert.Equal(new ResponsePhases(null, null, TimeSpan.FromMinutes(40), null), phases);
        Assert.Equal("Time to root cause: 40 minutes. From the declaration.", Line(phases));
    }

    [Fact]
    public void A_root_cause_tagged_before_the_clock_or_only_written_down_after_the_resolve_is_not_stated()
    {
        var incident = EveryMilestone();
        var early = new EntryList(incident.Id);
        early.Say(At(-5), Bo, "it is the pool", TimelineTag.RootCause);
        early.Say(At(40), Bo, "it is the pool, confirmed", TimelineTag.RootCause);
        var late = new EntryList(incident.Id);
        late.Command(At(120), Alice, "Root cause: the pool", TimelineTag.RootCause);

        Assert.Null(ResponsePhases.Of(incident, early.Entries).ToRootCause);
        Assert.Null(ResponsePhases.Of(incident, late.Entries).ToRootCause);
    }

    [Fact]
    public void A_paged_incident_measures_its_clock_phases_from_the_page()
    {
        var page = new PageLink(PageSource.PagerDuty, "Q1", At(-4), "High error rate", "checkout");
        var incident = EveryMilestone() with { Page = page, Detected = By(-4) };
        var entries = new EntryList(incident.Id);
        entries.Say(At(26), Priya, "the pool", TimelineTag.RootCause);

        var line = Line(ResponsePhases.Of(incident, entries.Entries));

        Assert.Equal(
            "Time to detect: 6 minutes; acknowledge (MTTA): 6 minutes; root cause: 30 minutes; resolve (MTTR): 1 hour, "
            + "9 minutes. Detection from impact start, the rest from the PagerDuty page at Mon, Mar 2, 2026, 09:56 UTC.",
            line);
    }
}
