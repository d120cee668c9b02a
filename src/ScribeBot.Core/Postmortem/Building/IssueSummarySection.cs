using ScribeBot.Core.Incidents;
using ScribeBot.Core.Metrics;
using ScribeBot.Core.Postmortem.Document;
using ScribeBot.Core.Text;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Postmortem.Building;

/// <summary>
/// The Issue Summary: duration with start, end and time zone, impact, share of users affected, detection, root
/// cause, the response's phases (<see cref="PhasesText"/>) and the time lost to misleading paths
/// (<see cref="TimeLostText"/>), the last two only when there is something to say.
/// </summary>
internal static class IssueSummarySection
{
    public static PostmortemSection Build(Incident incident, IReadOnlyList<TimelineEntry> entries, IncidentClock clock)
    {
        var times = incident.GetResponseTimes();
        var items = new List<ChatText>(7)
        {
            DurationLine(incident, times, clock),
            new ChatTextBuilder().Strong("Impact:").Plain(" ").Fact(incident.Impact, Placeholders.Impact).Build(),
            new ChatTextBuilder().Strong("Users affected:").Plain(" ")
                .Fact(incident.UsersAffectedPercent is { } share ? $"{share:0.##}%" : null, Placeholders.UsersAffected).Build(),
            DetectionLine(incident, TimelineMilestones.FirstDetection(entries), clock),
            new ChatTextBuilder().Strong("Root cause:").Plain(" ").Fact(incident.RootCause, Placeholders.RootCause).Build(),
        };
        if (PhasesText.Line(ResponsePhases.Of(incident, entries), clock) is { } phases)
        {
            items.Add(phases);
        }

        if (TimeLostText.Sentence(TimeLost.Of(incident, entries)) is { } timeLost)
        {
            items.Add(new ChatTextBuilder().Strong("Time lost:").Plain(" " + timeLost).Build());
        }

        return new PostmortemSection(PostmortemHeadings.IssueSummary, [new BulletListBlock(items)]);
    }

    private static ChatText DurationLine(Incident incident, ResponseTimes times, IncidentClock clock)
    {
        var (startFact, start) = incident.OutageStart;
        var builder = new ChatTextBuilder().Strong("Duration:").Plain(" ");

        if (incident.Resolved is not { } resolved)
        {
            builder.Strong("ongoing").Plain($" - started {clock.DayAndTime(start)} {clock.ZoneLabel(start)}, not resolved yet.");
        }
        else
        {
            var end = resolved.At;
            var span = clock.LocalDate(start) == clock.LocalDate(end)
                ? $"from {clock.Time(start)} to {clock.Time(end)} {clock.ZoneLabel(start, end)} on {IncidentClock.Day(clock.LocalDate(start))}"
                : $"from {clock.DayAndTime(start)} to {clock.DayAndTime(end)} {clock.ZoneLabel(start, end)}";
            if (times.Outage is { ImpossibleOrder: true })
            {
                builder.Placeholder("[not stated: the recorded times are in an impossible order, see the warning above]")
                    .Plain($" Recorded {span}.");
            }
            else
            {
                builder.Plain($"{DurationText.Humanize(end - start)}, {span}.");
            }
        }

        switch (startFact)
        {
            case IncidentFact.ImpactBegan:
                builder.Plain(" Measured from when impact began.");
                break;
            case IncidentFact.Detected:
                builder.Plain(" Measured from detection; ").Placeholder(Placeholders.ImpactStart);
                break;
            default:
                builder.Plain(" Measured from the declaration; ").Placeholder(Placeholders.ImpactStart);
                break;
        }

        return builder.Build();
    }

    // The same rule as the timeline's Detected line: the recorded time, else the first detection-tagged message.
    private static ChatText DetectionLine(Incident incident, TimelineEntry? firstDetection, IncidentClock clock)
    {
        var builder = new ChatTextBuilder().Strong("Detection:").Plain(" ").Fact(incident.DetectionMethod, Placeholders.DetectionMethod);
        if (incident.Detected is { } detected)
        {
            builder.Plain($", at {clock.Time(detected.At)}.");
        }
        else if (firstDetection is not null)
        {
            builder.Plain($", at {clock.Time(firstDetection.At)} (the first message tagged as detection).");
        }
        else
        {
            builder.Plain(" ").Placeholder(Placeholders.DetectionTime);
        }

        return builder.Build();
    }
}
