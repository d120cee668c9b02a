using ScribeBot.Core.Incidents;
using ScribeBot.Core.Paging;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Facts;

/// <summary>
/// One rule for each fact of an incident, read from the incident and its timeline: when impact started, when and how
/// it was detected, when it was acknowledged, when the root cause was found, when impact ended, when it was resolved,
/// and the durations between them. The draft, the incident page, the status and catch-up replies and the phases
/// take their facts from here, so none of them can tell a different story.
/// <list type="bullet">
/// <item>Detection: <c>/incident detected</c> or the first page's trigger (both recorded on the incident), else the
/// first message tagged detection, else not recorded (the declaration stands in, with a placeholder).</item>
/// <item>Impact start (the outage's start): impact began, else the recorded detection, else a detection-tagged message
/// from no later than the declaration, else the declaration.</item>
/// <item>Root cause found: the first entry tagged root cause, up to the resolve (one written after it records when
/// the postmortem was written, not when the cause was found).</item>
/// <item>Impact end (recovery): <c>/incident recovered</c>, else the latest message tagged resolution between the start
/// and the resolve, else the last page that resolved while the incident was open. Without any, the outage is measured
/// to the resolve.</item>
/// </list>
/// </summary>
public sealed record IncidentFacts
{
    private IncidentFacts(Incident incident, IReadOnlyList<TimelineEntry> entries)
    {
        Incident = incident;
        Entries = entries;
        Detection = DetectionOf(incident, entries);
        ImpactStart = ImpactStartOf(incident, Detection);
        RootCauseFound = RootCauseOf(incident, entries);
        Recovery = RecoveryOf(incident, entries, ImpactStart.At);
        ImpactEnd = Recovery is { } recovery ? new(IncidentFact.Recovered, recovery.At)
            : incident.Resolved is { } resolved ? new(IncidentFact.Resolved, resolved.At)
            : null;
        Times = TimesOf(incident, Detection, ImpactStart, ImpactEnd);
    }

    public Incident Incident { get; }

    /// <summary>The incident's stored entries, as given.</summary>
    public IReadOnlyList<TimelineEntry> Entries { get; }

    /// <summary>The outage's start; its <see cref="IncidentInstant.Fact"/> says which instant it is.</summary>
    public IncidentInstant ImpactStart { get; }

    public DetectionFact Detection { get; }

    public Milestone Declared => Incident.Declared;

    public Milestone? Acknowledged => Incident.Acknowledged;

    /// <summary>The first root-cause entry up to the resolve, or null.</summary>
    public RootCauseFact? RootCauseFound { get; }

    /// <summary>When impact ended, or null when nothing says so.</summary>
    public RecoveryFact? Recovery { get; }

    public Milestone? Resolved => Incident.Resolved;

    /// <summary>The outage's end: the <see cref="Recovery"/>, else the resolve; null while neither is known.</summary>
    public IncidentInstant? ImpactEnd { get; }

    /// <summary>
    /// MTTA and MTTR (from the clock's start, as <see cref="Incident.GetResponseTimes"/>), the outage from
    /// <see cref="ImpactStart"/> to <see cref="ImpactEnd"/> and the time to detect from impact began to
    /// <see cref="Detection"/>, each flagged when it rests on times in an impossible order.
    /// </summary>
    public ResponseTimes Times { get; }

    /// <summary>The facts of <paramref name="incident"/>; <paramref name="entries"/> are its stored entries (deleted ones are skipped).</summary>
    public static IncidentFacts Of(Incident incident, IReadOnlyList<TimelineEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(entries);
        return new IncidentFacts(incident, entries);
    }

    /// <summary>The detection rule alone (see the type's summary), for callers that need nothing else.</summary>
    public static DetectionFact DetectionOf(Incident incident, IReadOnlyList<TimelineEntry> entries)
    {
        if (incident.Detected is { } detected)
        {
            var source = detected.RequestId is { } id && PageEntries.IsPageEntry(EntrySource.Command, id) ? DetectionSource.Page : DetectionSource.Command;
            return new DetectionFact(detected.At, source, incident.DetectionMethod, detected.By);
        }

        var tagged = entries.Where(e => !e.Deleted && e.Has(TimelineTag.Detection)).MinBy(e => e.At);
        return tagged is not null
            ? new DetectionFact(tagged.At, DetectionSource.TaggedMessage, incident.DetectionMethod, tagged.Author, tagged)
            : new DetectionFact(incident.Declared.At, DetectionSource.NotRecorded, incident.DetectionMethod, null);
    }

    private static IncidentInstant ImpactStartOf(Incident incident, DetectionFact detection) =>
        detection.Source == DetectionSource.TaggedMessage && incident.ImpactBegan is null && detection.At <= incident.Declared.At
            ? new IncidentInstant(IncidentFact.Detected, detection.At)
            : incident.OutageStart;

    private static RootCauseFact? RootCauseOf(Incident incident, IReadOnlyList<TimelineEntry> entries)
    {
        var first = entries.Where(e => !e.Deleted && e.Has(TimelineTag.RootCause)).MinBy(e => e.At);
        return first is not null && (incident.Resolved is not { } resolved || first.At <= resolved.At)
            ? new RootCauseFact(first.At, first)
            : null;
    }

    private static RecoveryFact? RecoveryOf(Incident incident, IReadOnlyList<TimelineEntry> entries, DateTimeOffset start)
    {
        var recovered = incident.Recovered;
        if (recovered is not null && !incident.RecoveredByPage)
        {
            return new RecoveryFact(recovered.At, RecoverySource.Command, recovered.By, EntryOf(recovered));
        }

        // Only a person's message: the resolve and resolution commands carry the tag too, and say nothing of impact.
        // It comes before the page: a page resolves when its alert rule has seen a quiet window, minutes after people
        // watching the graph said it was back to normal.
        var tagged = entries
            .Where(e => !e.Deleted && e.Source == EntrySource.Message && e.Has(TimelineTag.Resolution) && e.At >= start
                && (incident.Resolved is not { } resolved || e.At <= resolved.At))
            .MaxBy(e => e.At);
        if (tagged is not null)
        {
            return new RecoveryFact(tagged.At, RecoverySource.TaggedMessage, tagged.Author, tagged);
        }

        return recovered is null ? null : new RecoveryFact(recovered.At, RecoverySource.Page, recovered.By, EntryOf(recovered));

        TimelineEntry? EntryOf(Milestone milestone) =>
            milestone.RequestId is { } id ? entries.FirstOrDefault(e => e.MessageId == id && !e.Deleted) : null;
    }

    private static ResponseTimes TimesOf(Incident incident, DetectionFact detection, IncidentInstant start, IncidentInstant? end)
    {
        var recorded = incident.GetResponseTimes();
        var conflicts = incident.OrderConflicts();
        return recorded with
        {
            Outage = end is { } e ? Measure(e.At - start.At, start.Fact, e.Fact) : null,
            ToDetect = incident.ImpactBegan is { } began && detection.IsKnown
                ? Measure(detection.At - began.At, IncidentFact.ImpactBegan, IncidentFact.Detected)
                : null,
        };

        MeasuredSpan Measure(TimeSpan span, IncidentFact from, IncidentFact to) =>
            new(span, span < TimeSpan.Zero || conflicts.Any(c => c.Spoils(from, to)));
    }
}
