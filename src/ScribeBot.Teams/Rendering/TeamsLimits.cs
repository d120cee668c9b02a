namespace ScribeBot.Teams.Rendering;

/// <summary>
/// The size limits of a Teams bot message, and the ones we choose below them.
/// </summary>
internal static class TeamsLimits
{
    /// <summary>
    /// Characters of HTML per message. Microsoft documents a 40 KB limit on the whole activity payload counted as
    /// UTF-16, i.e. about 20,480 characters of JSON, above which the connector answers 413 MessageSizeTooBig ("Format
    /// your bot messages"; a newer revision of that page says about 100 KB, but the 40 KB figure is the one every
    /// tenant is known to meet). The JSON around our text is the envelope (ids, service URL, conversation and
    /// channel data: 1-3k characters) plus the escaping of the text itself. Bot Framework serialises with
    /// Newtonsoft.Json, which escapes only <c>"</c>, <c>\</c> and control characters; our HTML has <c>"</c> only
    /// around <c>href</c> values and no raw backslash or control character (<see cref="TeamsHtml"/> encodes or
    /// drops them). 12,000 therefore leaves more than 6,000 characters for the envelope: room for a large channel
    /// data block, and a size the chat still reads comfortably. <c>string.Length</c> counts UTF-16 units, the same
    /// unit as the limit, so an emoji counts twice here as it does there.
    /// </summary>
    public const int MaxMessageChars = 12_000;

    /// <summary>
    /// Longest link target (as encoded in the <c>href</c>) we write. Longer ones are shown as their label only: they
    /// are no real permalink, and the bound keeps a link's tags small next to the message budget.
    /// </summary>
    public const int MaxHrefChars = 2_048;

    /// <summary>The title as repeated at the top of every continuation message, before "…".</summary>
    public const int MaxContinuationTitleChars = 150;
}
