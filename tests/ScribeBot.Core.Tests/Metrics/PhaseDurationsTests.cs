using ScribeBot.Core.Metrics;
using ScribeBot.Core.Postmortem;
using static ScribeBot.Core.Tests.Metrics.TenOClock;
using static ScribeBot.Core.Tests.Postmortem.Scenarios;

namespace ScribeBot.Core.Tests.Metrics;

/// <summary>One incident's phases for statistics: the Issue Summary's own figures, in whole seconds.</summary>
public sealed class PhaseDurationsTests
{
    // Every milestone, a misleading path 10:10-10:25 and the root cause found 10:40.
    private static (Incident Incident, EntryList Entries) Full()
    {
        var incident = EveryMilestone();
        var entries = new EntryList(incident.Id);
        entries.Say(At(10), Bo, "a suspected Stripe outage", TimelineTag.Misleading);
        entries.Say(At(25), Priya, "rolling back 2.14.3", TimelineTag.Action);
        entries.Say(At(40), Priya, "pool max is 20, was 200", TimelineTag.RootCause);
        return (incident, entries);
    }

    [Fact]
    public void Every_phase_is_the_one_the_issue_summary_states()
    {
        var (incident, entries) = Full();

        var durations = PhaseDurations.Of(incident, entries.Entries);

        Assert.Equal(
            new PhaseDurations(TimeSpan.FromMinutes(7), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(40), TimeSpan.FromMinutes(65), TimeSpan.FromMinutes(15)),
            durations);
        // The same figures the draft prints, from the same rules.
        var phases = ResponsePhases.Of(incident, entries.Entries);
        Assert.Equal(
            [phases.ToDetect, phases.ToAcknowledge, phases.ToRootCause, phases.ToResolve, TimeLost.Of(incident, entries.Entries).Total],
            PhaseStatistics.Phases.Select(durations.Get));
        Assert.StartsWith("Time to detect: 7 minutes; acknowledge (MTTA): 2 minutes; root cause: 40 minutes; resolve (MTTR): 1 hour, 5 minutes.",
            PhasesText.Line(phases, IncidentClock.For("UTC"))!.ToPlainString());
    }

    [Fact]
    public void Phases_not_recorded_are_unknown_and_time_lost_is_unknown_without_a_misleading_path()
    {
        var incident = DeclaredAtTen() with { Acknowledged = By(4), Resolved = By(30) };

        var durations = PhaseDurations.Of(incident, []);

        Assert.Null(durations.ToDetect);
        Assert.Equal(TimeSpan.FromMinutes(4), durations.ToAcknowledge);
        Assert.Null(durations.ToRootCause);
        Assert.Equal(TimeSpan.FromMinutes(30), durations.ToResolve);
        // Nothing tagged misleading: nothing is known of time lost, as the summary says nothing of it.
        Assert.Null(durations.TimeLost);
        Assert.Equal(PhaseDurations.None, PhaseDurations.Of(DeclaredAtTen(), []));
    }

    [Fact]
    public void A_phase_resting_on_times_in_an_impossible_order_is_unknown()
    {
        // Acknowledged five minutes before the declaration.
        var incident = DeclaredAtTen() with { Acknowledged = By(-5), Resolved = By(30) };

        var durations = PhaseDurations.Of(incident, []);

        Assert.True(incident.GetResponseTimes().ToAcknowledge!.Value.ImpossibleOrder);
        Assert.Null(durations.ToAcknowledge);
    }

    [Fact]
    public void Untagged_messages_change_no_phase()
    {
        // What lets a store refresh an incident's phases only when a tagged entry changes.
        var (incident, entries) = Full();
        var before = PhaseDurations.Of(incident, entries.Entries);
        for (var minute = -20; minute < 90; minute += 3)
        {
            entries.Say(At(minute), Sam, $"chatter at {minute}");
        }

        Assert.Equal(before, PhaseDurations.Of(incident, entries.Entries));
    }

    [Fact]
    public void Durations_are_whole_seconds_cut_not_rounded_and_round_trip_through_seconds()
    {
        var durations = new PhaseDurations(TimeSpan.FromSeconds(59.9), TimeSpan.Zero, null, TimeSpan.FromDays(3), TimeSpan.FromSeconds(-5));

        Assert.Equal(TimeSpan.FromSeconds(59), durations.ToDetect);
        Assert.Equal(TimeSpan.Zero, durations.ToAcknowledge);
        Assert.Equal([59, 0, null, 259_200, null], PhaseStatistics.Phases.Select(durations.Seconds));
        Assert.Equal(durations, PhaseDurations.FromSeconds(59, 0, null, 259_200, null));
    }
}
