using ScribeBot.Core.Facts;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Metrics;
using ScribeBot.Core.Postmortem.Document;
using ScribeBot.Core.Text;

namespace ScribeBot.Core.Postmortem.Building;

/// <summary>
/// The Issue Summary: duration with start, end and time zone, impact, share of users affected, detection, root
/// cause, the response's phases (<see cref="PhasesText"/>) and the time lost to misleading paths
/// (<see cref="TimeLostText"/>), the last two only when there is something to say.
/// </summary>
internal static class IssueSummarySection
{
    public static PostmortemSection Build(IncidentFacts facts, IncidentClock clock)
    {
        var incident = facts.Incident;
        var items = new List<ChatText>(7)
        {
            DurationLine(facts, clock),
            new ChatTextBuilder().Strong("Impact:").Plain(" ").Fact(incident.Impact, Placeholders.Impact).Build(),
            new ChatTextBuilder().Strong("Users affected:").Plain(" ")
                .Fact(incident.UsersAffectedPercent is { } share ? $"{share:0.##}%" : null, Placeholders.UsersAffected).Build(),
            DetectionLine(facts.Detection, clock),
            new ChatTextBuilder().Strong("Root cause:").Plain(" ").Fact(incident.RootCause, Placeholders.RootCause).Build(),
        };
        if (PhasesText.Line(ResponsePhases.Of(facts), clock) is { } phases)
        {
            items.Add(phases);
        }

        if (TimeLostText.Sentence(TimeLost.Of(facts)) is { } timeLost)
        {
            items.Add(new ChatTextBuilder().Strong("Time lost:").Plain(" " + timeLost).Build());
        }

        return new PostmortemSection(PostmortemHeadings.IssueSummary, [new BulletListBlock(items)]);
    }

    // The outage runs from IncidentFacts.ImpactStart to IncidentFacts.ImpactEnd (the recovery, else the resolve), and
    // the line says which two instants those are. A missing impact start gets its placeholder; a missing recovery does
    // not: "to the resolve" already says what the number means, and the line is read in a 400-600 word budget.
    private static ChatText DurationLine(IncidentFacts facts, IncidentClock clock)
    {
        var (startFact, start) = facts.ImpactStart;
        var builder = new ChatTextBuilder().Strong("Duration:").Plain(" ");

        if (facts.ImpactEnd is not { } impactEnd)
        {
            builder.Strong("ongoing").Plain($" - started {clock.DayAndTime(start)} {clock.ZoneLabel(start)}, not resolved yet.");
        }
        else
        {
            var end = impactEnd.At;
            var span = clock.LocalDate(start) == clock.LocalDate(end)
                ? $"from {clock.Time(start)} to {clock.Time(end)} {clock.ZoneLabel(start, end)} on {IncidentClock.Day(clock.LocalDate(start))}"
                : $"from {clock.DayAndTime(start)} to {clock.DayAndTime(end)} {clock.ZoneLabel(start, end)}";
            if (facts.Times.Outage is { ImpossibleOrder: true })
            {
                builder.Placeholder("[not stated: the recorded times are in an impossible order, see the warning above]")
                    .Plain($" Recorded {span}.");
            }
            else
            {
                builder.Plain($"{DurationText.Humanize(end - start)}, {span}.");
            }
        }

        builder.Plain(startFact switch
        {
            IncidentFact.ImpactBegan => " Measured from when impact began",
            IncidentFact.Detected when facts.Detection.Source == DetectionSource.TaggedMessage => " Measured from the first message tagged detection",
            IncidentFact.Detected => " Measured from detection",
            _ => " Measured from the declaration",
        });

        if (facts.ImpactEnd is not null)
        {
            builder.Plain(facts.Recovery?.Source switch
            {
                RecoverySource.Command => " to when impact ended",
                RecoverySource.Page => " to when impact ended (the page resolved)",
                RecoverySource.TaggedMessage => " to when impact ended (the last message tagged resolution)",
                _ => " to the resolve",
            });
        }

        if (startFact == IncidentFact.ImpactBegan)
        {
            builder.Plain(".");
        }
        else
        {
            builder.Plain("; ").Placeholder(Placeholders.ImpactStart);
        }

        return builder.Build();
    }

    // IncidentFacts' detection: the recorded time (a command or the page), else the first detection-tagged message.
    private static ChatText DetectionLine(DetectionFact detection, IncidentClock clock)
    {
        var builder = new ChatTextBuilder().Strong("Detection:").Plain(" ").Fact(detection.Method, Placeholders.DetectionMethod);
        return detection.Source switch
        {
            DetectionSource.TaggedMessage => builder.Plain($", at {clock.Time(detection.At)} (the first message tagged as detection).").Build(),
            DetectionSource.NotRecorded => builder.Plain(" ").Placeholder(Placeholders.DetectionTime).Build(),
            _ => builder.Plain($", at {clock.Time(detection.At)}.").Build(),
        };
    }
}
