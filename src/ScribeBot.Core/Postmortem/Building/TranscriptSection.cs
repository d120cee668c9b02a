using ScribeBot.Core.Postmortem.Document;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Postmortem.Building;

/// <summary>The transcript appendix: every kept entry, thread replies grouped under their parent.</summary>
internal static class TranscriptSection
{
    public static Transcript Build(IReadOnlyList<TimelineEntry> entries, IncidentClock clock)
    {
        // Replies are grouped under their parent (one pass to index, one to emit: linear in the entry count).
        var kept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!entry.Deleted)
            {
                kept.Add(entry.MessageId);
            }
        }

        var replies = new Dictionary<string, List<TimelineEntry>>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!entry.Deleted && IsReplyTo(entry, kept) is { } parent)
            {
                if (!replies.TryGetValue(parent, out var list))
                {
                    replies[parent] = list = [];
                }

                list.Add(entry);
            }
        }

        var lines = new List<TranscriptLine>(kept.Count);
        DateOnly? first = null;
        var multiDay = false;
        foreach (var entry in entries)
        {
            if (entry.Deleted || IsReplyTo(entry, kept) is not null)
            {
                continue;
            }

            var date = clock.LocalDate(entry.At);
            first ??= date;
            multiDay |= date != first;
            lines.Add(Line(entry, date, clock.Time(entry.At), isReply: false));
            if (replies.TryGetValue(entry.MessageId, out var thread))
            {
                foreach (var reply in thread)
                {
                    var replyDate = clock.LocalDate(reply.At);
                    var label = replyDate == date ? clock.Time(reply.At) : $"{IncidentClock.ShortDay(replyDate)} {clock.Time(reply.At)}";
                    lines.Add(Line(reply, replyDate, label, isReply: true));
                }
            }
        }

        return new Transcript(lines, multiDay);

        static TranscriptLine Line(TimelineEntry e, DateOnly date, string label, bool isReply) =>
            new(e.At, date, label, e.Author, e.Text, e.IsEdited, isReply, e.Permalink);
    }

    /// <summary>The parent's id when <paramref name="entry"/> replies in a thread whose parent is kept.</summary>
    private static string? IsReplyTo(TimelineEntry entry, HashSet<string> kept) =>
        entry.ThreadId is { } thread && thread != entry.MessageId && kept.Contains(thread) ? thread : null;
}
