namespace ScribeBot.Core.Timeline;

/// <summary>
/// One tag put on an entry by one user (or by a command). An entry keeps its tag while anyone's mark for it
/// remains, so two people reacting and one removing leaves the tag in place.
/// </summary>
public sealed record TagMark(TimelineTag Tag, string ByUserId);
