namespace ScribeBot.Core.Postmortem.Editing;

/// <summary>What <see cref="PostmortemEditor.SaveAsync"/> did.</summary>
public enum PostmortemEditStatus
{
    /// <summary>No incident has that id; nothing was stored.</summary>
    NotFound,

    /// <summary>
    /// A value is out of bounds, or a field the person edited was changed by someone else meanwhile; nothing was
    /// stored, and <see cref="PostmortemEditResult.Errors"/> says why, per field.
    /// </summary>
    Invalid,

    /// <summary>Every field already had the value given; nothing was stored.</summary>
    Unchanged,

    /// <summary>The changed fields were stored, each with a history entry.</summary>
    Saved,
}
