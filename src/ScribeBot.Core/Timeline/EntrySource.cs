namespace ScribeBot.Core.Timeline;

/// <summary>Whether an entry is a captured chat message or was created by an <c>/incident</c> command.</summary>
public enum EntrySource
{
    Message,
    Command,
}
