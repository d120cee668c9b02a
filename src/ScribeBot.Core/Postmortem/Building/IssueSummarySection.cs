using ScribeBot.Core.Incidents;
using ScribeBot.Core.Paging;
using ScribeBot.Core.Postmortem.Document;
using ScribeBot.Core.Text;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Postmortem.Building;

/// <summary>
/// The Issue Summary: duration with start, end and time zone, impact, share of users affected, detection, root
/// cause, and the response times.
/// </summary>
internal static class IssueSummarySection
{
    public static PostmortemSection Build(Incident incident, TimelineEntry? firstDetection, IncidentClock clock)
    {
        var times = incident.GetResponseTimes();
        var items = new List<ChatText>(6)
        {
            DurationLine(incident, times, clock),
            new ChatTextBuilder().Strong("Impact:").Plain(" ").Fact(incident.Impact, Placeholders.Impact).Build(),
            new ChatTextBuilder().Strong("Users affected:").Plain(" ")
                .Fact(incident.UsersAffectedPercent is { } share ? $"{share:0.##}%" : null, Placeholders.UsersAffected).Build(),
            DetectionLine(incident, firstDetection, clock),
            new ChatTextBuilder().Strong("Root cause:").Plain(" ").Fact(incident.RootCause, Placeholders.RootCause).Build(),
            ResponseTimesLine(times, clock),
        };
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

    private static ChatText ResponseTimesLine(ResponseTimes times, IncidentClock clock)
    {
        var builder = new ChatTextBuilder().Strong("Time to acknowledge (MTTA):").Plain(" ");
        if (times.ToAcknowledge is not { } mtta)
        {
            builder.Placeholder(Placeholders.Acknowledged);
        }
        else if (mtta.ImpossibleOrder)
        {
            builder.Placeholder("[not stated: impossible order]");
        }
        else
        {
            builder.Plain(DurationText.Humanize(mtta.Value));
        }

        builder.Plain("; ").Strong("time to resolve (MTTR):").Plain(" ");
        if (times.ToResolve is not { } mttr)
        {
            builder.Strong("ongoing");
        }
        else if (mttr.ImpossibleOrder)
        {
            builder.Placeholder("[not stated: impossible order]");
        }
        else
        {
            builder.Plain(DurationText.Humanize(mttr.Value));
        }

        return builder.Plain(times.Page is { } page
            ? $". Both are measured from the {page.Source.ToLabel()} page at {clock.DayAndTime(page.TriggeredAt)} {clock.ZoneLabel(page.TriggeredAt)}."
            : ". Both are measured from the declaration.").Build();
    }
}
