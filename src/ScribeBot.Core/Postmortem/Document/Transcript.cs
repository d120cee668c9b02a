using ScribeBot.Core.Channels;

namespace ScribeBot.Core.Postmortem.Document;

/// <summary>The appendix: every kept entry (deleted ones left out), thread replies right after their parent.</summary>
/// <param name="Lines">In reading order: a top-level message, then its replies, then the next top-level message.</param>
/// <param name="MultiDay">True when the lines span more than one local day; renderers then head each day.</param>
public sealed record Transcript(IReadOnlyList<TranscriptLine> Lines, bool MultiDay);

/// <summary>One transcript line, <c>HH:MM author: text</c>.</summary>
/// <param name="At">The UTC instant.</param>
/// <param name="Date">The local day, for day headings of top-level lines.</param>
/// <param name="TimeLabel"><c>HH:MM</c> local; a reply on another day than its parent gets <c>Mar 3 HH:MM</c>.</param>
/// <param name="Author">Who wrote it.</param>
/// <param name="Text">The final text, literal.</param>
/// <param name="Edited">The text was edited after it was posted.</param>
/// <param name="IsReply">A reply in a thread whose parent is in the transcript.</param>
/// <param name="Link">Permalink to the message; null when the platform gave none.</param>
public sealed record TranscriptLine(
    DateTimeOffset At,
    DateOnly Date,
    string TimeLabel,
    Person Author,
    string Text,
    bool Edited,
    bool IsReply,
    string? Link);
