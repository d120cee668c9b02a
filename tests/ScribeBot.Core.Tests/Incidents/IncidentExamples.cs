using ScribeBot.Core.Channels;
using ScribeBot.Core.Incidents;

namespace ScribeBot.Core.Tests.Incidents;

/// <summary>Incidents for the rule tests: declared by Alice at 14:00 UTC on Monday 2026-03-02.</summary>
internal static class IncidentExamples
{
    public static readonly ChannelRef Channel = new(ChatPlatform.Slack, "T1", "C1");
    public static readonly Person Alice = new("U1", "Alice");
    public static readonly Person Bob = new("U2", "Bob");
    public static readonly DateTimeOffset Declared = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);

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
