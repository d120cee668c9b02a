using ScribeBot.Core.Channels;

namespace ScribeBot.Core.Incidents;

// Declared, acknowledged, resolved, reopened: the status transitions and their refusals.
public sealed partial record Incident
{
    /// <summary>A new incident, declared by <paramref name="declared"/>'s person, who takes command.</summary>
    public static Incident Declare(
        ChannelRef channel, int number, string title, Severity severity, string timeZoneId, Milestone declared) => new()
    {
        Id = MakeId(channel, number),
        Number = number,
        Channel = channel,
        Title = title,
        Severity = severity,
        Commander = declared.By,
        TimeZoneId = timeZoneId,
        Declared = declared,
    };

    /// <summary>Accepted while open; live events (ack, update, escalate, resolve...) need an open incident.</summary>
    public IncidentDecision RequireOpen() =>
        IsOpen ? IncidentDecision.Accept(this) : Refuse(
            $"{DisplayId} is already resolved (at {LocalTimeText(Resolved!.At)} by {Resolved.By.DisplayName}). Use /incident reopen if it is back, or /incident start for a new incident.");

    /// <summary>Stops the MTTA clock; once only.</summary>
    public IncidentDecision Acknowledge(Milestone acknowledged)
    {
        if (!IsOpen)
        {
            return RequireOpen();
        }

        if (Acknowledged is { } ack)
        {
            return Refuse($"{DisplayId} was already acknowledged by {ack.By.DisplayName} at {LocalTimeText(ack.At)}.");
        }

        return IncidentDecision.Accept(this with { Status = IncidentStatus.Acknowledged, Acknowledged = acknowledged });
    }

    /// <summary>Closes the incident; a <paramref name="resolution"/> given with it replaces the recorded one.</summary>
    public IncidentDecision Resolve(Milestone resolved, string? resolution) =>
        IsOpen
            ? IncidentDecision.Accept(this with { Status = IncidentStatus.Resolved, Resolved = resolved, Resolution = resolution ?? Resolution })
            : RequireOpen();

    /// <summary>Opens a resolved incident again, back to the status it had before the resolve.</summary>
    public IncidentDecision Reopen() =>
        IsOpen
            ? Refuse($"{DisplayId} is still open; there is nothing to reopen.")
            : IncidentDecision.Accept(this with
            {
                Status = Acknowledged is null ? IncidentStatus.Triggered : IncidentStatus.Acknowledged,
                Resolved = null,

                // Impact is back (that is why it is reopened): the recovery recorded before belongs to no outage's end now.
                Recovered = null,
                ReopenCount = ReopenCount + 1,
            });

    private IncidentDecision Refuse(string refusal) => IncidentDecision.Refuse(this, refusal);
}
