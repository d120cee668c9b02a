namespace ScribeBot.Web.Sandbox;

/// <summary>
/// How a command is typed on the web platform (the sandbox and replayed transcripts): a message whose text is
/// <c>/incident</c>, alone or followed by white space and the command. <c>/incidents</c> is chat.
/// </summary>
internal static class WebCommandText
{
    public const string Prefix = "/incident";

    /// <summary>The command after the prefix (<c>start Checkout returns 502</c>), or null when the text is chat.</summary>
    public static string? Parse(string text)
    {
        var trimmed = text.TrimStart();
        if (!trimmed.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var rest = trimmed[Prefix.Length..];
        return rest.Length == 0 || char.IsWhiteSpace(rest[0]) ? rest.Trim() : null;
    }
}
