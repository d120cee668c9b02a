using ScribeBot.Core.Metrics;
using ScribeBot.Core.Paging;
using ScribeBot.Core.Text;

namespace ScribeBot.Core.Postmortem;

/// <summary>
/// The response's phases as one line: "Time to detect: 7 minutes; to acknowledge (MTTA): 2 minutes; to find the root
/// cause: 30 minutes; to resolve (MTTR): 1 hour, 19 minutes." and where they are measured from. A phase that is
/// unknown, or rests on times in an impossible order, is left out rather than shown as a placeholder.
/// </summary>
public static class PhasesText
{
    /// <summary>The line, or null when no phase is known.</summary>
    public static ChatText? Line(ResponsePhases phases, IncidentClock clock)
    {
        ArgumentNullException.ThrowIfNull(phases);
        ArgumentNullException.ThrowIfNull(clock);
        if (phases.IsEmpty)
        {
            return null;
        }

        var builder = new ChatTextBuilder();
        var first = true;
        Phase("detect", phases.ToDetect);
        Phase("acknowledge (MTTA)", phases.ToAcknowledge);
        Phase("find the root cause", phases.ToRootCause);
        Phase("resolve (MTTR)", phases.ToResolve);

        var clockPhases = phases.ToAcknowledge is not null || phases.ToRootCause is not null || phases.ToResolve is not null;
        var origin = phases.Page is { } page
            ? $"the {page.Source.ToLabel()} page at {clock.DayAndTime(page.TriggeredAt)} {clock.ZoneLabel(page.TriggeredAt)}"
            : "the declaration";
        builder.Plain(
            phases.ToDetect is null ? $". Measured from {origin}."
            : clockPhases ? $". Detection is measured from when impact began, the others from {origin}."
            : ". Measured from when impact began.");
        return builder.Build();

        void Phase(string name, TimeSpan? value)
        {
            if (value is not { } span)
            {
                return;
            }

            if (!first)
            {
                builder.Plain("; ");
            }

            builder.Strong(first ? $"Time to {name}:" : $"to {name}:").Plain(" " + DurationText.Humanize(span));
            first = false;
        }
    }
}
