using ScribeBot.Core.Incidents;
using ScribeBot.Core.Text;

namespace ScribeBot.Core.Postmortem.Building;

/// <summary>The line under the draft's title: severity, status, reopen count, commander, time zone.</summary>
internal static class MetaLine
{
    public static ChatText Build(Incident incident, IncidentClock clock)
    {
        var builder = new ChatTextBuilder()
            .Strong(incident.Severity.ToLabel())
            .Plain(" · ")
            .Strong(incident.Status.ToLabel());
        if (incident.ReopenCount > 0)
        {
            builder.Plain(incident.ReopenCount == 1 ? " (reopened once)" : $" (reopened {incident.ReopenCount} times)");
        }

        builder.Plain(" · Commander: ");
        if (incident.Commander is { } commander)
        {
            builder.Plain(commander.DisplayName);
        }
        else
        {
            builder.Placeholder(Placeholders.Commander);
        }

        builder.Plain($" · Times in {clock.ZoneId}");
        if (!clock.IsKnownZone)
        {
            builder.Plain(" ").Placeholder($"[time zone \"{incident.TimeZoneId}\" unknown, UTC shown - /incident tz <IANA id>]");
        }

        return builder.Build();
    }
}
