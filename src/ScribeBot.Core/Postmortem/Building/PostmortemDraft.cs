using ScribeBot.Core.Facts;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Postmortem.Document;
using ScribeBot.Core.Postmortem.Editing;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Postmortem.Building;

/// <summary>
/// Builds the postmortem draft of an incident from the incident and its stored entries. Pure: the same input
/// gives the same document, and nothing is invented; a fact the bot does not have becomes a visible placeholder.
/// Each part of the document is built by a small type of its own (<c>IssueSummarySection</c>, <c>TimelineSection</c>...).
/// </summary>
public static class PostmortemDraft
{
    /// <summary>
    /// Builds the draft. <paramref name="entries"/> are all stored entries of the incident in time order, deleted
    /// ones included (they are left out here), with edits already applied to their text. The dashboard's history
    /// entries (<see cref="PostmortemHistory"/>) are left out too: they record who finished the draft, not what happened.
    /// </summary>
    public static PostmortemDocument Build(Incident incident, IReadOnlyList<TimelineEntry> entries)
    {
        entries = WithoutHistory(entries);
        var clock = IncidentClock.For(incident);
        var warnings = OrderCheck.Find(incident, clock);
        var facts = IncidentFacts.Of(incident, entries);
        var items = TimelineSection.Items(facts, clock);

        PostmortemSection[] sections =
        [
            IssueSummarySection.Build(facts, clock),
            TimelineSection.Build(items, clock),
            RootCauseSection.Build(incident, entries, clock),
            MeasuresSection.Build(incident),
        ];

        return new PostmortemDocument(
            $"{incident.DisplayId}: {incident.Title}",
            MetaLine.Build(incident, clock),
            warnings,
            new WordCount(WordCounter.Count(sections)),
            sections,
            DiagramSection.Build(facts, items, clock),
            TranscriptSection.Build(entries, clock));
    }

    /// <summary>
    /// Just the Timeline section, for the <c>timeline</c> verb while the incident may still be open. Cheaper than
    /// <see cref="Build"/>: no transcript, no diagram.
    /// </summary>
    public static PostmortemSection BuildTimeline(Incident incident, IReadOnlyList<TimelineEntry> entries)
    {
        entries = WithoutHistory(entries);
        var clock = IncidentClock.For(incident);
        return TimelineSection.Build(TimelineSection.Items(IncidentFacts.Of(incident, entries), clock), clock);
    }

    /// <summary>"SEV2 · Resolved · Times in Europe/Berlin": the line under a timeline's title, in every renderer.</summary>
    public static string TimelineStatusLine(Incident incident) =>
        $"{incident.Severity.ToLabel()} · {incident.Status.ToLabel()} · Times in {incident.TimeZoneId}";

    // Copies only when there is something to drop: most incidents are never edited on the dashboard.
    private static IReadOnlyList<TimelineEntry> WithoutHistory(IReadOnlyList<TimelineEntry> entries) =>
        entries.Any(PostmortemHistory.IsHistory) ? entries.Where(e => !PostmortemHistory.IsHistory(e)).ToArray() : entries;
}
