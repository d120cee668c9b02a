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
}
