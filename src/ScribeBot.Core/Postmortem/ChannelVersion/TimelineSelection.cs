using ScribeBot.Core.Postmortem.Document;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Postmortem.ChannelVersion;

/// <summary>
/// Which timeline lines the channel version keeps when they do not all fit its word budget. In order of rank:
/// the incident's milestones (impact began, detected, declared, acknowledged, resolved), always; then lines of the
/// kinds the guideline asks a timeline to show (detection, escalation, misleading, root cause, resolution) and the
/// pager's entries; then the rest (actions, key events, notes, changes). Within a rank the most recent come first, and
/// lines are taken in that order until the first that does not fit. What is kept is shown in time order.
/// </summary>
internal static class TimelineSelection
{
    private static readonly TimelineTag[] GuidelineTags =
        [TimelineTag.Detection, TimelineTag.Escalation, TimelineTag.Misleading, TimelineTag.RootCause, TimelineTag.Resolution];

    /// <summary>The items to show, in time order; milestones even past <paramref name="wordBudget"/>.</summary>
    public static IReadOnlySet<TimelineItem> Select(IReadOnlyList<TimelineItem> items, int wordBudget, Func<TimelineItem, int> words)
    {
        var kept = new HashSet<TimelineItem>(ReferenceEqualityComparer.Instance);
        var used = 0;
        var ranked = items
            .Select((item, index) => (Item: item, Index: index))
            .OrderBy(x => Rank(x.Item))
            .ThenByDescending(x => x.Index);
        foreach (var (item, _) in ranked)
        {
            var cost = words(item);
            if (Rank(item) > 0 && used + cost > wordBudget)
            {
                break;
            }

            kept.Add(item);
            used += cost;
        }

        return kept;
    }

    private static int Rank(TimelineItem item) =>
        item.Origin == TimelineItemOrigin.Milestone ? 0
        : item.Origin == TimelineItemOrigin.Page || item.Tags.Any(GuidelineTags.Contains) ? 1
        : 2;
}
