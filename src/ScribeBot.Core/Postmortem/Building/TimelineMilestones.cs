using ScribeBot.Core.Channels;
using ScribeBot.Core.Facts;
using ScribeBot.Core.Text;

namespace ScribeBot.Core.Postmortem.Building;

/// <summary>
/// The incident's own instants as timeline lines: impact began, detected, declared, acknowledged, recovered, resolved.
/// A fact that a tagged message gives (detection, recovery) has no line of its own: the message's line is it, and a
/// second line beside it would only repeat it or, worse, print a placeholder next to the real entry.
/// </summary>
internal static class TimelineMilestones
{
    public static List<MilestoneLine> Of(IncidentFacts facts)
    {
        var incident = facts.Incident;
        var lines = new List<MilestoneLine>(6);
        if (incident.ImpactBegan is { } began)
        {
            lines.Add(new(began.At, "Impact began", began.By, ChatText.Of("customer impact began"), began.RequestId));
        }

        // The timeline must always show detection: the recorded time (a command or the page), else the first
        // detection-tagged message (its own line), else the declaration with a placeholder saying so.
        var detection = facts.Detection;
        var method = new ChatTextBuilder().Fact(detection.Method, Placeholders.DetectionMethod);
        switch (detection.Source)
        {
            case DetectionSource.Command or DetectionSource.Page:
                lines.Add(new(detection.At, "Detected", detection.By, method.Build(), incident.Detected!.RequestId));
                break;
            case DetectionSource.NotRecorded:
                lines.Add(new(detection.At, "Detected", null, method.Plain(" ").Placeholder(Placeholders.DetectionTime).Build()));
                break;
        }

        lines.Add(new(incident.Declared.At, "Declared", incident.Declared.By,
            ChatText.Of($"incident declared: {incident.Title}"), incident.Declared.RequestId));
        if (incident.Acknowledged is { } ack)
        {
            lines.Add(new(ack.At, "Acknowledged", ack.By, ChatText.Of("incident acknowledged"), ack.RequestId));
        }

        // A page that resolved the incident is both its recovery and its resolve: one line says both.
        if (facts.Recovery is { Source: not RecoverySource.TaggedMessage } recovery && incident.Recovered is { } recovered
            && !(incident.Resolved is { } closed && closed.At == recovery.At && closed.RequestId == recovered.RequestId))
        {
            var text = recovery.Source == RecoverySource.Page ? "impact ended (the page resolved)" : "impact ended";
            lines.Add(new(recovery.At, "Recovered", recovery.By, ChatText.Of(text), recovered.RequestId));
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
