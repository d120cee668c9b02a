using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Tagging;

/// <summary>
/// The kinds a person can pick in "Add to incident timeline" on every platform, with the labels shown. <c>note</c> is
/// not one: the dialog's note field is.
/// </summary>
public static class TagChoices
{
    public static readonly IReadOnlyList<(TimelineTag Tag, string Label)> MessageActionKinds =
    [
        (TimelineTag.Detection, "Detection"),
        (TimelineTag.Action, "Action taken"),
        (TimelineTag.Misleading, "Misleading path"),
        (TimelineTag.Escalation, "Escalation"),
        (TimelineTag.RootCause, "Root cause"),
        (TimelineTag.Resolution, "Resolution"),
        (TimelineTag.KeyEvent, "Key event"),
    ];
}
