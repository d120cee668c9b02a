using ScribeBot.Core.Incidents;
using ScribeBot.Core.Text;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Commands;

/// <summary>What a command does to an incident: the new incident, the entry it adds, and what it says.</summary>
internal sealed record IncidentChange(Incident Incident, TimelineEntry? Entry, ChatText Reply, IReadOnlyList<ChannelPost> Posts)
{
    /// <summary>Set when the command cannot apply to this incident; nothing is stored.</summary>
    public string? Refusal { get; init; }

    public static IncidentChange Refuse(Incident incident, string reason) =>
        new(incident, null, ChatText.Empty, []) { Refusal = reason };

    /// <summary>The incident's refusal, or what <paramref name="accepted"/> makes of the changed incident.</summary>
    public static IncidentChange Of(IncidentDecision decision, Func<Incident, IncidentChange> accepted) =>
        decision.Refused ? Refuse(decision.Incident, decision.Refusal) : accepted(decision.Incident);

    /// <summary>A change with a timeline entry, answered to the caller only.</summary>
    public static IncidentChange Recorded(Incident incident, TimelineEntry entry, string reply) =>
        new(incident, entry, ChatText.Of(reply), []);

    /// <summary>A change with no timeline entry (an assessment or a list item), answered to the caller only.</summary>
    public static IncidentChange Noted(Incident incident, string reply) =>
        new(incident, null, ChatText.Of(reply), []);

    /// <summary>A change with a timeline entry, announced in the channel.</summary>
    public static IncidentChange Announce(Incident incident, TimelineEntry entry, ChatText announcement) =>
        new(incident, entry, ChatText.Empty, [new AnnouncementPost(incident.Channel, announcement)]);
}
