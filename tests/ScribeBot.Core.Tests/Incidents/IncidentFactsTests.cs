using static ScribeBot.Core.Tests.Incidents.IncidentExamples;

namespace ScribeBot.Core.Tests.Incidents;

public sealed class IncidentFactsTests
{
    [Fact]
    public void Setting_the_severity_it_already_has_is_refused()
    {
        var incident = Open();

        Assert.Equal("INC-1 is already SEV2.", Refused(incident, incident.ChangeSeverity(Severity.Sev2)));
        Assert.Equal(Severity.Sev1, Accepted(incident.ChangeSeverity(Severity.Sev1)).Severity);
    }

    [Fact]
    public void Handing_command_to_the_current_commander_is_refused_by_id_not_by_name()
    {
        var incident = Open();

        Assert.Equal("Alice N. is already the commander of INC-1.", Refused(incident, incident.HandOver(new Person("U1", "Alice N."))));
        Assert.Equal(Bob, Accepted(incident.HandOver(Bob)).Commander);
    }

    [Fact]
    public void Setting_the_time_zone_it_already_uses_is_refused()
    {
        var incident = Open("Europe/Berlin");

        Assert.Equal("INC-1 already uses Europe/Berlin.", Refused(incident, incident.ChangeTimeZone("Europe/Berlin")));
        Assert.Equal("UTC", Accepted(incident.ChangeTimeZone("UTC")).TimeZoneId);
    }

    [Fact]
    public void A_typed_time_later_than_the_command_is_read_as_the_day_before()
    {
        var sentAt = new DateTimeOffset(2026, 3, 3, 0, 10, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 23, 50, 0, TimeSpan.Zero), Open().ReadTypedTime(new TimeOnly(23, 50), sentAt));
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 0, 5, 0, TimeSpan.Zero), Open().ReadTypedTime(new TimeOnly(0, 5), sentAt));
    }

    [Fact]
    public void A_time_typed_after_the_resolve_is_read_around_the_resolve()
    {
        var resolved = Accepted(Open().Resolve(By(Bob, 60), null));
        var nextMorning = new DateTimeOffset(2026, 3, 3, 9, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 13, 45, 0, TimeSpan.Zero), resolved.ReadTypedTime(new TimeOnly(13, 45), nextMorning));
    }

    [Fact]
    public void A_typed_time_is_read_in_the_incident_zone()
    {
        var berlin = Open("Europe/Berlin");

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 12, 45, 0, TimeSpan.Zero), berlin.ReadTypedTime(new TimeOnly(13, 45), Declared));
        Assert.Equal("14:45 Europe/Berlin", berlin.LocalTimeText(new DateTimeOffset(2026, 3, 2, 13, 45, 0, TimeSpan.Zero)));
    }
}
