using ScribeBot.Core.Channels;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Postmortem;
using ScribeBot.Core.Text;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Commands;

/// <summary><c>update</c>, <c>escalate</c>, <c>misleading</c>, <c>action</c>, <c>note</c>: live events on an open incident.</summary>
internal static class EventCommands
{
    public static IncidentChange Update(Incident incident, CommandRequest request, UpdateCommand update) =>
        IncidentChange.Announce(
            incident,
            CommandEntry.For(incident, request, TimelineTag.KeyEvent, IncidentCatchup.UpdatePrefix + update.Text),
            new ChatTextBuilder().Strong($"Status update ({incident.DisplayId}): ").Plain(update.Text).Build());

    public static IncidentChange Escalate(Incident incident, CommandRequest request, EscalateCommand escalate, MentionReader mentions)
    {
        var who = mentions.Parse(escalate.Who).DisplayName;
        var text = escalate.Reason is null ? $"Escalated to {who}" : $"Escalated to {who}: {escalate.Reason}";
        return IncidentChange.Announce(
            incident,
            CommandEntry.For(incident, request, TimelineTag.Escalation, text),
            new ChatTextBuilder().Strong($"{incident.DisplayId} escalated").Plain($" to {who} by {request.Caller.DisplayName}")
                .Plain(escalate.Reason is null ? "." : $": {escalate.Reason}").Build());
    }

    public static IncidentChange Record(Incident incident, CommandRequest request, EventCommand recorded)
    {
        var (tag, label) = recorded.Kind switch
        {
            EventKind.Misleading => (TimelineTag.Misleading, "misleading path"),
            EventKind.Action => (TimelineTag.Action, "action"),
            _ => (TimelineTag.Note, "note"),
        };
        return IncidentChange.Recorded(incident, CommandEntry.For(incident, request, tag, recorded.Text), $"Recorded {label} on {incident.DisplayId}.");
    }
}
