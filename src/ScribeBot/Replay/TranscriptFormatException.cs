namespace ScribeBot.Replay;

/// <summary>A transcript file that cannot be replayed; the message names the line or the field at fault.</summary>
internal sealed class TranscriptFormatException(string message) : Exception(message);
