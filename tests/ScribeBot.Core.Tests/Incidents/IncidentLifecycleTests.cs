using static ScribeBot.Core.Tests.Incidents.IncidentExamples;

namespace ScribeBot.Core.Tests.Incidents;

public sealed class IncidentLifecycleTests
{
    [Fact]
    public void Declare_opens_a_triggered_incident_commanded_by_whoever_declared_it()
    {
        var incident = Open();

        Assert.Equal(Incident.MakeId(Channel, 1), incident.Id);
        Assert.Equal("INC-1", incident.DisplayId);
        Assert.Equal(IncidentStatus.Triggered, incident.Status);
        Assert.Equal(Alice, incident.Commander);
        Assert.True(incident.IsOpen);
    }

    [Fact]
    public void Acknowledge_records_who_and_when_and_stops_the_mtta_clock()
    {
        var acknowledged = Accepted(Open().Acknowledge(By(Bob, 3)));

        Assert.Equal(IncidentStatus.Acknowledged, acknowledged.Status);
        Assert.Equal(Bob, acknowledged.Acknowledged!.By);
        Assert.Equal(TimeSpan.FromMinutes(3), acknowledged.TimeToAcknowledge);
    }

    [Fact]
    public void Acknowledge_twice_is_refused_naming_who_acknowledged_and_when_in_the_incident_zone()
    {
        var acknowledged = Accepted(Open("Europe/Berlin").Acknowledge(By(Bob, 3)));

        Assert.Equal("INC-1 was already acknowledged by Bob at 15:03 Europe/Berlin.", Refused(acknowledged, acknowledged.Acknowledge(By(Alice, 5))));
    }

    [Fact]
    public void A_resolved_incident_refuses_live_changes_and_points_to_reopen()
    {
        var resolved = Accepted(Open().Resolve(By(Bob, 30), null));
        const string expected = "INC-1 is already resolved (at 14:30 UTC by Bob). Use /incident reopen if it is back, or /incident start for a new incident.";

        Assert.Equal(expected, Refused(resolved, resolved.RequireOpen()));
        Assert.Equal(expected, Refused(resolved, resolved.Acknowledge(By(Alice, 40))));
        Assert.Equal(expected, Refused(resolved, resolved.Resolve(By(Alice, 40), null)));
    }

    [Fact]
    public void Resolve_closes_and_keeps_the_recorded_resolution_unless_one_is_given()
    {
        var withResolution = Open() with { Resolution = "rolled back" };

        var kept = Accepted(withResolution.Resolve(By(Bob, 60), null));
        var replaced = Accepted(withResolution.Resolve(By(Bob, 60), "renewed the certificate"));

        Assert.Equal(IncidentStatus.Resolved, kept.Status);
        Assert.False(kept.IsOpen);
        Assert.Equal(TimeSpan.FromMinutes(60), kept.TimeToResolve);
        Assert.Equal("rolled back", kept.Resolution);
        Assert.Equal("renewed the certificate", replaced.Resolution);
    }

    [Fact]
    public void Reopen_of_an_open_incident_is_refused()
    {
        var open = Open();

        Assert.Equal("INC-1 is still open; there is nothing to reopen.", Refused(open, open.Reopen()));
    }

    [Fact]
    public void Reopen_returns_to_the_status_before_the_resolve_and_counts()
    {
        var triggered = Accepted(Accepted(Open().Resolve(By(Bob, 10), null)).Reopen());
        var acknowledged = Accepted(Accepted(Accepted(Open().Acknowledge(By(Bob, 2))).Resolve(By(Bob, 10), null)).Reopen());

        Assert.Equal(IncidentStatus.Triggered, triggered.Status);
        Assert.Equal(IncidentStatus.Acknowledged, acknowledged.Status);
        Assert.Null(acknowledged.Resolved);
        Assert.Equal(1, acknowledged.ReopenCount);
        Assert.True(acknowledged.IsOpen);
    }
}
