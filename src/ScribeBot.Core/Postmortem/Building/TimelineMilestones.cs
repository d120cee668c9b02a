using ScribeBot.Core.Channels;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Text;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Postmortem.Building;

/// <summary>
/// The incident's own instants as timeline lines: impact began, detected, declared, acknowledged, resolved.
/// </summary>
internal static class TimelineMilestones
{
    public static TimelineEntry? FirstDetection(IReadOnlyList<TimelineEntry> entries) =>
        entries.FirstOrDefault(e => !e.Deleted && e.Has(TimelineTag.Detection));

    public static List<MilestoneLine> Of(Incident incident, TimelineEntry? firstDetection)
    {
        var lines = new List<MilestoneLine>(5);
        if (incident.ImpactBegan is { } began)
        {
            lines.Add(new(began.At, "Impact began", began.By, ChatText.Of("customer impact began"), began.RequestId));
        }

        // The timeline must always show detection: the recorded time, else the first detection-tagged message,
        // else the declaration with a placeholder saying so.
        var detection = new ChatTextBuilder().Fact(incident.DetectionMethod, Placeholders.DetectionMethod);
        if (incident.Detected is { } detected)
        {
            lines.Add(new(detected.At, "Detected", detected.By, detection.Build(), detected.RequestId));
        }
        else if (firstDetection is not null)
        {
            lines.Add(new(firstDetection.At, "Detected", null,
                detection.Plain(" (time of the first message tagged as detection)").Build()));
        }
        else
        {
            lines.Add(new(incident.Declared.At, "Detected", null, detection.Plain(" ").Placeholder(Placeholders.DetectionTime).Build()));
        }

        lines.Add(new(incident.Declared.At, "Declared", incident.Declared.By,
            ChatText.Of($"incident declared: {incident.Title}"), incident.Declared.RequestId));
        if (incident.Acknowledged is { } ack)
        {
            lines.Add(new(ack.At, "Acknowledged", ack.By, ChatText.Of("incident acknowledged"), ack.RequestId));
        }

        if (incident.Resolved is { } resolved)
        {
            lines.Add(new(resolved.At, "Resolved", resolved.By, ChatText.Of("incident resolved"), resolved.RequestId));
        }

        return lines;
    }
}

/// <summary>A milestone as a timeline line; <paramref name="RequestId"/> names the command that set it.</summary>
internal sealed record MilestoneLine(DateTimeOffset At, string Kind, Person? By, ChatText Text, string? RequestId = null);
