using System.Diagnostics.CodeAnalysis;

namespace ScribeBot.Core.Timeline;

/// <summary>The wire names of tags (<c>root-cause</c>, <c>key-event</c>...), used in configuration and transcripts.</summary>
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
