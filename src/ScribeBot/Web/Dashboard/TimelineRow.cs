using System.Globalization;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Links;
using ScribeBot.Core.Postmortem;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Web.Dashboard;

/// <summary>A text an entry had before an edit, and when (local time) it was replaced.</summary>
internal sealed record EarlierText(string Text, string ReplacedAt);

/// <summary>
/// One entry of the incident page's timeline: every kept entry (messages and commands, tagged or not) in stored
/// order; deleted entries are not rows at all. <see cref="Time"/> is local wall-clock time, with the day when the
/// incident spans several and with the zone abbreviation when it crosses a UTC-offset change, as in the draft.
/// </summary>
internal sealed record TimelineRow(
    string MessageId,
    DateTimeOffset At,
    string Time,
    string FullTime,
    Person Author,
    string Text,
    EntrySource Source,
    IReadOnlyList<TimelineTag> Tags,
    IReadOnlyList<EarlierText> EarlierTexts,
    string? Link,
    bool IsReply)
{
    public bool IsEdited => EarlierTexts.Count > 0;

    public static IReadOnlyList<TimelineRow> From(IReadOnlyList<TimelineEntry> entries, IncidentClock clock)
    {
        var kept = entries.Where(e => !e.Deleted).ToList();
        if (kept.Count == 0)
        {
            return [];
        }

        var multiDay = clock.LocalDate(kept[0].At) != clock.LocalDate(kept[^1].At);
        var offsetChanges = kept.Select(e => clock.Zone.GetUtcOffset(e.At)).Distinct().Skip(1).Any();
        return kept.Select(e =>
        {
            var time = multiDay ? $"{IncidentClock.ShortDay(clock.LocalDate(e.At))} {clock.Time(e.At)}" : clock.Time(e.At);
            if (offsetChanges)
            {
                time = $"{time} {clock.Abbreviation(e.At)}";
            }

            return new TimelineRow(
                e.MessageId,
                e.At,
                time,
                Full(clock, e.At),
                e.Author,
                e.Text,
                e.Source,
                e.Tags,
                e.Edits.Select(r => new EarlierText(r.Text, Full(clock, r.ReplacedAt))).ToList(),
                PermalinkOf(e.Permalink),
                e.ThreadId is { } thread && thread != e.MessageId);
        }).ToList();
    }

    // A stored link is platform data: only a web address becomes a link on our origin, written normalised.
    private static string? PermalinkOf(string? permalink) =>
        SafeLink.IsWebAddress(permalink) ? new Uri(permalink).AbsoluteUri : null;

    private static string Full(IncidentClock clock, DateTimeOffset at) =>
        $"{clock.Local(at).ToString("ddd, MMM d, yyyy, HH:mm:ss", CultureInfo.InvariantCulture)} {clock.Abbreviation(at)}";
}
