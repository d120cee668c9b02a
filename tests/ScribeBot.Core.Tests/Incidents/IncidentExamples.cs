
namespace ScribeBot.Core.Tests.Incidents;

/// <summary>Incidents for the rule tests: declared by Alice at <see cref="CommandTestBed.Start"/> (14:00 UTC), in the test bed's channel.</summary>
internal static class IncidentExamples
{
    public static ChannelRef Channel => CommandTestBed.Channel;
    public static Person Alice => CommandTestBed.Alice;
    public static Person Bob => CommandTestBed.Bob;
    public static DateTimeOffset Declared => CommandTestBed.Start;

    public static Incident Open(string timeZone = "UTC") =>
        Incident.Declare(Channel, 1, "Checkout returns 502", Severity.Sev2, timeZone, new Milestone(Declared, Alice, "r-start"));

    public static Milestone By(Person person, int minutesAfterDeclared) => new(Declared.AddMinutes(minutesAfterDeclared), person);

    public static Incident Accepted(IncidentDecision decision)
    {
        Assert.False(decision.Refused, decision.Refusal);
        return decision.Incident;
    }

    /// <summary>The refusal's message, after checking that the incident came back unchanged.</summary>
    public static string Refused(Incident before, IncidentDecision decision)
    {
        Assert.True(decision.Refused, "the change was accepted");
        Assert.Same(before, decision.Incident);
        return decision.Refusal;
    }
}
