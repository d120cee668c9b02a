using ScribeBot.Core.Channels;
using ScribeBot.Core.Text;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Postmortem.Document;

/// <summary>The timeline items of one local day; <paramref name="Heading"/> (e.g. <c>Mon, Mar 2, 2026</c>) is null
/// when the whole timeline falls on one day.</summary>
public sealed record TimelineDay(DateOnly Date, string? Heading, IReadOnlyList<TimelineItem> Items);

/// <summary>
/// One line of the timeline: <c>HH:MM - Kind - Author: text (source)</c>.
/// </summary>
/// <param name="At">The UTC instant.</param>
/// <param name="TimeLabel"><c>HH:MM</c> in the incident's time zone; with the zone abbreviation appended
/// (<c>01:59 CET</c>, <c>03:01 CEST</c>) when the timeline crosses a UTC-offset change.</param>
/// <param name="Kind">The label shown in bold: <c>Detected</c>, <c>Misleading</c>, <c>Action / Resolution</c>...</param>
/// <param name="Origin">A milestone of the incident, a tagged message or a command's entry.</param>
/// <param name="Tags">The entry's tags (empty for milestones and untagged commands).</param>
/// <param name="Author">Who wrote the message, ran the command or marked the milestone.</param>
/// <param name="Text">The entry's final text, or the milestone's description (may hold placeholders).</param>
/// <param name="Link">Permalink to the source message or command; null when the platform gave none.</param>
public sealed record TimelineItem(
    DateTimeOffset At,
    string TimeLabel,
    string Kind,
    TimelineItemOrigin Origin,
    IReadOnlyList<TimelineTag> Tags,
    Person? Author,
    ChatText Text,
    string? Link);

/// <summary>Where a timeline item comes from.</summary>
public enum TimelineItemOrigin
{
    /// <summary>One of the incident's own instants (impact began, detected, declared, acknowledged, resolved).</summary>
    Milestone,

    /// <summary>A tagged chat message.</summary>
    Message,

    /// <summary>An entry a command created.</summary>
    Command,

    /// <summary>An entry a page from the on-call system created (its trigger, acknowledgement, escalation...).</summary>
    Page,
}
