using ScribeBot.Core.Incidents;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Metrics;

/// <summary>
/// One incident's phases for statistics: time to detect, to acknowledge, to find the root cause, to resolve, and the
/// time lost to misleading paths, each null when unknown. They are the Issue Summary's own figures
/// (<see cref="ResponsePhases"/>, <see cref="TimeLost"/>), not a second rule, in whole seconds (cut, not rounded) so
/// that every store keeps the same numbers in a few bytes. Time lost is known only when a misleading path was
/// measured: an incident with none tagged says nothing about time lost, as its summary says nothing.
/// <para>
/// Only the incident and its tagged entries decide these (a message nobody tagged changes no phase), so a store that
/// keeps them need refresh them only when the incident or a tagged entry changes.
/// </para>
/// </summary>
public readonly record struct PhaseDurations
{
    // Seconds plus one, so that 0 (and so default) means unknown: a measure without phases has none known.
    private readonly int _detect;
    private readonly int _acknowledge;
    private readonly int _rootCause;
    private readonly int _resolve;
    private readonly int _timeLost;

    public PhaseDurations(TimeSpan? toDetect, TimeSpan? toAcknowledge, TimeSpan? toRootCause, TimeSpan? toResolve, TimeSpan? timeLost)
    {
        _detect = Stored(toDetect);
        _acknowledge = Stored(toAcknowledge);
        _rootCause = Stored(toRootCause);
        _resolve = Stored(toResolve);
        _timeLost = Stored(timeLost);
    }

    public static PhaseDurations None => default;

    public TimeSpan? ToDetect => Span(_detect);

    public TimeSpan? ToAcknowledge => Span(_acknowledge);

    public TimeSpan? ToRootCause => Span(_rootCause);

    public TimeSpan? ToResolve => Span(_resolve);

    public TimeSpan? TimeLost => Span(_timeLost);

    /// <summary>The phases of <paramref name="incident"/> with its stored <paramref name="entries"/> (any order).</summary>
    public static PhaseDurations Of(Incident incident, IReadOnlyList<TimelineEntry> entries)
    {
        var phases = ResponsePhases.Of(incident, entries);
        var lost = Metrics.TimeLost.Of(incident, entries);
        return new PhaseDurations(
            phases.ToDetect, phases.ToAcknowledge, phases.ToRootCause, phases.ToResolve, lost.Paths.Count == 0 ? null : lost.Total);
    }

    /// <summary>The phase picked by <paramref name="phase"/>.</summary>
    public TimeSpan? Get(Phase phase) => phase switch
    {
        Phase.Detect => ToDetect,
        Phase.Acknowledge => ToAcknowledge,
        Phase.RootCause => ToRootCause,
        Phase.Resolve => ToResolve,
        Phase.TimeLost => TimeLost,
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, null),
    };

    /// <summary>Whole seconds, or null when unknown (a compact store's form of <see cref="Get"/>).</summary>
    public int? Seconds(Phase phase) => Get(phase) is { } span ? (int)(span.Ticks / TimeSpan.TicksPerSecond) : null;

    /// <summary>From whole seconds, each null when unknown (the inverse of <see cref="Seconds"/>).</summary>
    public static PhaseDurations FromSeconds(int? detect, int? acknowledge, int? rootCause, int? resolve, int? timeLost) => new(
        Whole(detect), Whole(acknowledge), Whole(rootCause), Whole(resolve), Whole(timeLost));

    private static TimeSpan? Whole(int? seconds) => seconds is { } value ? TimeSpan.FromSeconds(value) : null;

    // A negative span rests on times in an impossible order, and one past int.MaxValue seconds (68 years) on a typo:
    // neither is a phase anyone could read.
    private static int Stored(TimeSpan? span) =>
        span is { } value && value >= TimeSpan.Zero && value.Ticks / TimeSpan.TicksPerSecond < int.MaxValue
            ? (int)(value.Ticks / TimeSpan.TicksPerSecond) + 1
            : 0;

    private static TimeSpan? Span(int stored) => stored == 0 ? null : TimeSpan.FromSeconds(stored - 1);
}
