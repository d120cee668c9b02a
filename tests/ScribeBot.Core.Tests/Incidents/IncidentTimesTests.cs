using static ScribeBot.Core.Tests.Incidents.IncidentExamples;

namespace ScribeBot.Core.Tests.Incidents;

public sealed class IncidentTimesTests
{
    [Fact]
    public void The_outage_starts_when_impact_began_else_at_detection_else_at_the_declaration()
    {
        var declared = Open();
        var detected = declared.RecordDetection(By(Bob, -10), "alert");
        var began = detected.RecordImpactBegan(By(Bob, -25));

        Assert.Equal(new IncidentInstant(IncidentFact.Declared, Declared), declared.OutageStart);
        Assert.Equal(new IncidentInstant(IncidentFact.Detected, Declared.AddMinutes(-10)), detected.OutageStart);
        Assert.Equal(new IncidentInstant(IncidentFact.ImpactBegan, Declared.AddMinutes(-25)), began.OutageStart);
    }

    [Fact]
    public void Mtta_and_mttr_run_from_the_declaration_and_the_outage_from_its_start()
    {
        var incident = Accepted(Accepted(Open().RecordImpactBegan(By(Bob, -20)).Acknowledge(By(Bob, 4))).Resolve(By(Bob, 40), null));

        var times = incident.GetResponseTimes();

        Assert.Equal(new MeasuredSpan(TimeSpan.FromMinutes(4), false), times.ToAcknowledge);
        Assert.Equal(new MeasuredSpan(TimeSpan.FromMinutes(40), false), times.ToResolve);
        Assert.Equal(new MeasuredSpan(TimeSpan.FromMinutes(60), false), times.Outage);
    }

    [Fact]
    public void An_open_unacknowledged_incident_has_no_durations_yet()
    {
        var times = Open().GetResponseTimes();

        Assert.Null(times.ToAcknowledge);
        Assert.Null(times.ToResolve);
        Assert.Null(times.Outage);
        Assert.Null(Open().OutageDuration);
    }

    [Fact]
    public void Recorded_instants_come_in_the_order_they_must_happen_skipping_unknown_ones()
    {
        var incident = Accepted(Open().RecordDetection(By(Bob, -5), "alert").Acknowledge(By(Bob, 2)));

        Assert.Equal(
            [IncidentFact.Detected, IncidentFact.Declared, IncidentFact.Acknowledged],
            incident.KnownInstants().Select(i => i.Fact));
    }

    [Fact]
    public void One_wrong_time_is_one_conflict_between_neighbours()
    {
        // Detected typed as an hour after the resolve: only detected/declared are out of order.
        var incident = Accepted(Open().RecordDetection(By(Bob, 120), "alert").Resolve(By(Bob, 60), null));

        var conflict = Assert.Single(incident.OrderConflicts());

        Assert.Equal(IncidentFact.Detected, conflict.Earlier.Fact);
        Assert.Equal(IncidentFact.Declared, conflict.Later.Fact);
    }

    [Fact]
    public void An_acknowledgement_before_the_declaration_spoils_every_duration_that_spans_it()
    {
        var incident = Accepted(Accepted(Open().Acknowledge(By(Bob, -3))).Resolve(By(Bob, 30), null));

        AssertSpoiled(incident.GetResponseTimes(), toAcknowledge: true, toResolve: true, outage: true);
    }

    [Fact]
    public void A_detection_after_the_declaration_spoils_the_outage_length_but_not_mtta_or_mttr()
    {
        var incident = Accepted(Accepted(Open().RecordDetection(By(Bob, 10), "alert").Acknowledge(By(Bob, 3))).Resolve(By(Bob, 30), null));

        AssertSpoiled(incident.GetResponseTimes(), toAcknowledge: false, toResolve: false, outage: true);
    }

    [Fact]
    public void An_impact_start_after_the_resolve_spoils_the_outage_length_only()
    {
        var incident = Accepted(Open().RecordImpactBegan(By(Bob, 90)).Resolve(By(Bob, 60), null));

        AssertSpoiled(incident.GetResponseTimes(), toAcknowledge: null, toResolve: false, outage: true);
    }

    [Fact]
    public void In_order_times_have_no_conflicts()
    {
        Assert.Empty(Accepted(Open().RecordImpactBegan(By(Bob, -5)).Resolve(By(Bob, 5), null)).OrderConflicts());
    }

    /// <summary>Which durations an impossible order spoils; a null one is not this test's subject and is not checked.</summary>
    private static void AssertSpoiled(ResponseTimes times, bool? toAcknowledge, bool toResolve, bool outage)
    {
        if (toAcknowledge is { } acknowledge)
        {
            Assert.Equal(acknowledge, times.ToAcknowledge!.Value.ImpossibleOrder);
        }

        Assert.Equal(toResolve, times.ToResolve!.Value.ImpossibleOrder);
        Assert.Equal(outage, times.Outage!.Value.ImpossibleOrder);
    }
}
