using ScribeBot.Core.Timeline;

namespace ScribeBot.Pictures.Timeline;

/// <summary>
/// One colour per timeline kind, shared by the diagram's markers and legend and the incident page's tag chips, so a
/// reader learns it once. An event with several tags takes its first (in <see cref="TimelineTag"/> order); a command's
/// untagged change (severity, commander) is grey.
/// </summary>
public static class KindColours
{
    public const string ChangeColour = "#98a2b3";
    public const string ChangeName = "Change";
    public const string ChangeKey = "change";

    public static string Of(TimelineTag tag) => tag switch
    {
        TimelineTag.Detection => "#d92d20",
        TimelineTag.Action => "#1570ef",
        TimelineTag.Misleading => "#f79009",
        TimelineTag.Escalation => "#7a5af8",
        TimelineTag.RootCause => "#c11574",
        TimelineTag.Resolution => "#079455",
        TimelineTag.KeyEvent => "#0e9384",
        TimelineTag.Note => "#667085",
        _ => ChangeColour,
    };

    /// <summary>The primary tag's colour, or grey for an untagged change.</summary>
    public static string Of(IReadOnlyList<TimelineTag> tags) => tags.Count == 0 ? ChangeColour : Of(tags[0]);

    /// <summary>The wire name (<c>root-cause</c>) used as a CSS class and data attribute.</summary>
    public static string Key(IReadOnlyList<TimelineTag> tags) => tags.Count == 0 ? ChangeKey : tags[0].ToName();

    /// <summary>The name people read (<c>Root cause</c>).</summary>
    public static string Name(IReadOnlyList<TimelineTag> tags) => tags.Count == 0 ? ChangeName : tags[0].ToLabel();
}
