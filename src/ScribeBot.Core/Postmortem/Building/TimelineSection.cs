using ScribeBot.Core.Facts;
using ScribeBot.Core.Paging;
using ScribeBot.Core.Postmortem.Document;
using ScribeBot.Core.Text;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Postmortem.Building;

/// <summary>
/// The Timeline: the incident's milestones, tagged messages and commands' entries in time order, grouped by local day.
/// </summary>
internal static class TimelineSection
{
    public static PostmortemSection Build(List<TimelineItem> items, IncidentClock clock) =>
        new(PostmortemHeadings.Timeline, [BlockOf(items, clock)]);

    public static List<TimelineItem> Items(IncidentFacts facts, IncidentClock clock)
    {
        var milestones = TimelineMilestones.Of(facts);
        var entries = facts.Entries;

        // The command that set a milestone (start, ack, detected, began, resolve) is not a line of its own: the
        // milestone line stands for it and takes its permalink. Milestones name their command's request; one without
        // (set outside a command) falls back to a command entry at its instant by the person who marked it.
        var links = new string?[milestones.Count];
        var items = new List<TimelineItem>(milestones.Count + 32);
        var fromEntries = new List<TimelineItem>();
        foreach (var entry in entries)
        {
            if (entry.Deleted || (entry.Source != EntrySource.Command && entry.Marks.Count == 0) || IsRootCauseRepeat(entry, facts))
            {
                continue;
            }

            if (entry.Source == EntrySource.Command)
            {
                var index = milestones.FindIndex(m => m.RequestId is { } requestId
                    ? requestId == entry.MessageId
                    : m.At == entry.At && m.By?.Id == entry.Author.Id);
                if (index >= 0)
                {
                    links[index] ??= entry.Permalink;
                    continue;
                }
            }

            var tags = entry.Tags;
            fromEntries.Add(new TimelineItem(
                entry.At,
                clock.Time(entry.At),
                tags.Count == 0 ? "Change" : string.Join(" / ", tags.Select(TimelineTagNames.ToLabel)),
                entry.Source != EntrySource.Command ? TimelineItemOrigin.Message
                    : PageEntries.IsPageEntry(entry) ? TimelineItemOrigin.Page
                    : TimelineItemOrigin.Command,
                tags,
                entry.Author,
                ChatText.Of(entry.Text),
                entry.Permalink));
        }

        for (var i = 0; i < milestones.Count; i++)
        {
            var m = milestones[i];
            items.Add(new TimelineItem(m.At, clock.Time(m.At), m.Kind, TimelineItemOrigin.Milestone, [], m.By, m.Text, links[i]));
        }

        items.AddRange(fromEntries);

        // Stable: at equal instants milestones come first, in lifecycle order, then entries in stored order.
        var sorted = items.OrderBy(i => i.At).ToList();

        // Across a DST change "02:30" alone is ambiguous, so every label then carries the zone abbreviation.
        if (sorted.Count > 1 && sorted.Select(i => clock.Zone.GetUtcOffset(i.At)).Distinct().Skip(1).Any())
        {
            for (var i = 0; i < sorted.Count; i++)
            {
                sorted[i] = sorted[i] with { TimeLabel = $"{sorted[i].TimeLabel} {clock.Abbreviation(sorted[i].At)}" };
            }
        }

        return sorted;
    }

    // The rootcause command sets a field that has its own section. Its line stays only when it is the moment the cause
    // was found (IncidentFacts.RootCauseFound), with its own time and text; otherwise a tagged message marks that
    // moment, or it was typed after the resolve while writing the postmortem, and the line would say nothing new.
    private static bool IsRootCauseRepeat(TimelineEntry entry, IncidentFacts facts) =>
        entry.Source == EntrySource.Command && entry.Has(TimelineTag.RootCause) && !PageEntries.IsPageEntry(entry)
        && facts.RootCauseFound?.Entry.MessageId != entry.MessageId;

    private static TimelineBlock BlockOf(List<TimelineItem> items, IncidentClock clock)
    {
        var days = new List<TimelineDay>();
        var multiDay = items.Count > 0 && clock.LocalDate(items[0].At) != clock.LocalDate(items[^1].At);
        var start = 0;
        for (var i = 1; i <= items.Count; i++)
        {
            if (i < items.Count && clock.LocalDate(items[i].At) == clock.LocalDate(items[start].At))
            {
                continue;
            }

            var date = clock.LocalDate(items[start].At);
            days.Add(new TimelineDay(date, multiDay ? IncidentClock.Day(date) : null, items.GetRange(start, i - start)));
            start = i;
        }

        return new TimelineBlock(days);
    }
}
