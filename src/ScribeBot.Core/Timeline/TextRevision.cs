namespace ScribeBot.Core.Timeline;

/// <summary>A text an entry had before an edit replaced it, and when it was replaced.</summary>
public sealed record TextRevision(string Text, DateTimeOffset ReplacedAt);
