namespace ScribeBot.Replay;

/// <summary>A recorded channel, as the <c>replay</c> verb reads it (format in README.md).</summary>
internal sealed record Transcript(string Channel, string? TimeZone, IReadOnlyList<TranscriptMessage> Messages)
{
    /// <summary>The pager's events, interleaved with <see cref="Messages"/> by their times; none when the file has no <c>alerts</c>.</summary>
    public IReadOnlyList<TranscriptAlert> Alerts { get; init; } = [];
}

/// <summary>
/// One line of a transcript: a message, an edit of an earlier one (<see cref="Edit"/>) or a deletion
/// (<see cref="Delete"/>). <see cref="Index"/> is its position in the file, from 0.
/// </summary>
internal sealed record TranscriptMessage(
    int Index,
    string Id,
    DateTimeOffset At,
    string? User,
    string? Text,
    string? Thread,
    IReadOnlyList<TranscriptReaction> Reactions,
    bool Edit,
    bool Delete)
{
    /// <summary>How errors name it: counting from 1, as people count (the first message is message 1).</summary>
    public int Number => Index + 1;
}

internal sealed record TranscriptReaction(string Emoji, string User);
