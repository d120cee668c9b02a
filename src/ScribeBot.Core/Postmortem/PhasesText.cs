using ScribeBot.Core.Metrics;
using ScribeBot.Core.Paging;
using ScribeBot.Core.Text;

namespace ScribeBot.Core.Postmortem;

/// <summary>
/// The response's phases as one line: "Time to detect: 7 minutes; acknowledge (MTTA): 2 minutes; root cause: 30
/// minutes; resolve (MTTR): 1 hour, 19 minutes." and where they are measured from. A phase that is unknown, or rests
/// on times in an impossible order, is left out rather than shown as a placeholder. Terse on purpose: it shares the
/// draft's 400-600 word budget with the story.
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
        Phase("root cause", phases.ToRootCause);
        Phase("resolve (MTTR)", phases.ToResolve);

        var clockPhases = phases.ToAcknowledge is not null || phases.ToRootCause is not null || phases.ToResolve is not null;
        var origin = phases.Page is { } page
            ? $"the {page.Source.ToLabel()} page at {clock.DayAndTime(page.TriggeredAt)} {clock.ZoneLabel(page.TriggeredAt)}"
            : "the declaration";
        builder.Plain(
            phases.ToDetect is null ? $". From {origin}."
            : clockPhases ? $". Detection from impact start, the rest from {origin}."
            : ". From impact start.");
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

            builder.Strong(first ? $"Time to {name}:" : $"{name}:").Plain(" " + DurationText.Humanize(span));
            first = false;
        }
    }
}
