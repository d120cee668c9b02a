namespace ScribeBot.Core.Commands;

/// <summary>The plain events a command can record: <c>misleading</c>, <c>action</c>, <c>note</c>.</summary>
public enum EventKind
{
    Misleading,
    Action,
    Note,
}
