using System.Diagnostics.CodeAnalysis;

namespace ScribeBot.Core.Timeline;

/// <summary>
/// The names of tags: wire names (<c>root-cause</c>, <c>key-event</c>...), used in configuration and transcripts, and
/// the labels people read.
/// </summary>
public static class TimelineTagNames
{
    private static readonly Dictionary<string, TimelineTag> ByName =
        Enum.GetValues<TimelineTag>().ToDictionary(ToName, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every wire name, in the order of the tags.</summary>
    public static IEnumerable<string> All => ByName.Keys;

    public static string ToName(this TimelineTag tag) => tag switch
    {
        TimelineTag.Detection => "detection",
        TimelineTag.Action => "action",
        TimelineTag.Misleading => "misleading",
        TimelineTag.Escalation => "escalation",
        TimelineTag.RootCause => "root-cause",
        TimelineTag.Resolution => "resolution",
        TimelineTag.KeyEvent => "key-event",
        TimelineTag.Note => "note",
        _ => throw new ArgumentOutOfRangeException(nameof(tag), tag, "Not a timeline tag."),
    };

    /// <summary>How a tag is named where people read it: <c>Root cause</c>, <c>Key event</c>...</summary>
    public static string ToLabel(this TimelineTag tag) => tag switch
    {
        TimelineTag.Detection => "Detection",
        TimelineTag.Action => "Action",
        TimelineTag.Misleading => "Misleading",
        TimelineTag.Escalation => "Escalation",
        TimelineTag.RootCause => "Root cause",
        TimelineTag.Resolution => "Resolution",
        TimelineTag.KeyEvent => "Key event",
        TimelineTag.Note => "Note",
        _ => throw new ArgumentOutOfRangeException(nameof(tag), tag, "Not a timeline tag."),
    };

    public static bool TryParse(string name, [NotNullWhen(true)] out TimelineTag? tag)
    {
        if (ByName.TryGetValue(name.Trim(), out var found))
        {
            tag = found;
            return true;
        }

        tag = null;
        return false;
    }
}
