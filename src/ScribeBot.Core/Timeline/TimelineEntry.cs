using ScribeBot.Core.Channels;

namespace ScribeBot.Core.Timeline;

/// <summary>
/// One line of an incident's record: a captured message or a command's event. <see cref="MessageId"/> is the
/// platform's message id and the idempotency key within the incident.
/// </summary>
public sealed record TimelineEntry
{
    public required string IncidentId { get; init; }
    public required string MessageId { get; init; }
    public string? ThreadId { get; init; }

    /// <summary>UTC instant from the platform's own timestamp (or the moment a command names).</summary>
    public required DateTimeOffset At { get; init; }

    public required Person Author { get; init; }
    public required string Text { get; init; }
    public string? Permalink { get; init; }
    public EntrySource Source { get; init; } = EntrySource.Message;
    public IReadOnlyList<TagMark> Marks { get; init; } = [];
    public IReadOnlyList<TextRevision> Edits { get; init; } = [];
    public bool Deleted { get; init; }

    public bool IsEdited => Edits.Count > 0;

    public bool Has(TimelineTag tag) => Marks.Any(m => m.Tag == tag);

    /// <summary>The distinct tags on this entry, in <see cref="TimelineTag"/> order.</summary>
    public IReadOnlyList<TimelineTag> Tags =>
        Marks.Count == 0 ? [] : Marks.Select(m => m.Tag).Distinct().Order().ToArray();
}
