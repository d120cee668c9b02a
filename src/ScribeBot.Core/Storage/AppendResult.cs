namespace ScribeBot.Core.Storage;

/// <summary>Whether an append stored a new entry or found one with the same key.</summary>
public enum AppendResult
{
    Added,
    Duplicate,
}
