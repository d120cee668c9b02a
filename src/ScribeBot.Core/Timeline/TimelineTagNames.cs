using System.Diagnostics.CodeAnalysis;

namespace ScribeBot.Core.Timeline;

/// <summary>
/// The names of tags: wire names (<c>root-cause</c>, <c>key-event</c>...), used in configuration and transcripts, and
/// the labels people read.
/// </summary>
public static class TimelineTagNames
{
    private static readonly Dictionary<string, TimelineTag> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["detection"] = TimelineTag.Detection,
        ["action"] = TimelineTag.Action,
        ["misleading"] = TimelineTag.Misleading,
        ["escalation"] = TimelineTag.Escalation,
        ["root-cause"] = TimelineTag.RootCause,
        ["resolution"] = TimelineTag.Resolution,
        ["key-event"] = TimelineTag.KeyEvent,
        ["note"] = TimelineTag.Note,
    };

    public static IEnumerable<string> All => ByName.Keys;

    public static string ToName(this TimelineTag tag) => tag switch
    {
        TimelineTag.RootCause => "root-cause",
        TimelineTag.KeyEvent => "key-event",
        _ => tag.ToString().ToLowerInvariant(),
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
        _ => tag.ToString(),
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
