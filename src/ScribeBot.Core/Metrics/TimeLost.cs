using ScribeBot.Core.Facts;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Metrics;

/// <summary>
/// The time an incident lost to misleading paths. Each entry tagged <see cref="TimelineTag.Misleading"/> opens a path
/// that runs until the next later entry tagged <see cref="TimelineTag.Action"/>, <see cref="TimelineTag.RootCause"/> or
/// <see cref="TimelineTag.Resolution"/> that is not itself misleading, else until impact ended
/// (<see cref="IncidentFacts.ImpactEnd"/>: the recovery, else the resolve): after that no minute of the outage is lost.
/// Overlapping paths are merged, so <see cref="Total"/> counts no minute twice. A path still followed on an open
/// incident has no end yet and is left out; so is a misleading entry at or after the resolution.
/// </summary>
public sealed record TimeLost(IReadOnlyList<MisleadingPath> Paths, TimeSpan Total)
{
    public static TimeLost None { get; } = new([], TimeSpan.Zero);

    /// <param name="incident">The end of its impact ends every path still followed.</param>
    /// <param name="entries">The incident's stored entries; deleted ones are skipped, the order does not matter.</param>
    public static TimeLost Of(Incident incident, IReadOnlyList<TimelineEntry> entries) => Of(IncidentFacts.Of(incident, entries));

    /// <summary>The time <paramref name="facts"/>' incident lost, its paths ended at the latest by its impact's end.</summary>
    public static TimeLost Of(IncidentFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var entries = facts.Entries;
        var ended = facts.ImpactEnd?.At;
        var paths = new List<MisleadingPath>();
        var followed = new List<TimelineEntry>();
        foreach (var entry in entries.Where(e => !e.Deleted).OrderBy(e => e.At))
        {
            if (entry.At >= ended)
            {
                break;
            }

            if (entry.Has(TimelineTag.Misleading))
            {
                followed.Add(entry);
            }
            else if (ChangesCourse(entry))
            {
                Abandon(entry.At);
            }
        }

        if (ended is { } end)
        {
            Abandon(end);
        }

        return paths.Count == 0 ? None : new TimeLost(paths, Merged(paths));

        // Only paths opened strictly before: an action in the same second as the misleading message (Slack's
        // timestamps are whole seconds) cannot be what it was abandoned for.
        void Abandon(DateTimeOffset at)
        {
            paths.AddRange(followed.Where(e => e.At < at).Select(e => new MisleadingPath(e, at)));
            followed.RemoveAll(e => e.At < at);
        }
    }

    // An escalation does not end a path: it often pursues the same wrong idea (paging the vendor the team suspects).
    // A detection, key event or note changes nothing the team does.
    private static bool ChangesCourse(TimelineEntry entry) =>
        entry.Has(TimelineTag.Action) || entry.Has(TimelineTag.RootCause) || entry.Has(TimelineTag.Resolution);

    private static TimeSpan Merged(List<MisleadingPath> paths)
    {
        var total = TimeSpan.Zero;
        DateTimeOffset? runStart = null;
        var runEnd = DateTimeOffset.MinValue;
        foreach (var path in paths.OrderBy(p => p.Start))
        {
            if (runStart is not null && path.Start <= runEnd)
            {
                runEnd = path.AbandonedAt > runEnd ? path.AbandonedAt : runEnd;
                continue;
            }

            if (runStart is { } start)
            {
                total += runEnd - start;
            }

            (runStart, runEnd) = (path.Start, path.AbandonedAt);
        }

        return runStart is { } last ? total + (runEnd - last) : total;
    }
}
