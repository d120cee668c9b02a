namespace ScribeBot.Slack.Blocks;

/// <summary>
/// Slack's Block Kit limits (docs.slack.dev, "Blocks" and chat.postMessage), and the ones we choose below them.
/// </summary>
internal static class SlackLimits
{
    /// <summary>Blocks per message.</summary>
    public const int MaxBlocks = 50;

    /// <summary>A section's text object.</summary>
    public const int MaxSectionText = 3000;

    /// <summary>A header block's plain_text.</summary>
    public const int MaxHeaderText = 150;

    /// <summary>
    /// The top-level <c>text</c>, which notifications and screen readers use when blocks are present. Slack truncates
    /// at 40,000; 4,000 is the length its docs recommend, and a fallback needs far less.
    /// </summary>
    public const int MaxFallbackText = 4000;

    /// <summary>
    /// Our own ceiling on block text per message, under the 40,000 characters where Slack truncates a message, so
    /// that one postmortem message never meets a size limit that the block counts do not show.
    /// </summary>
    public const int MaxMessageText = 36_000;
}
