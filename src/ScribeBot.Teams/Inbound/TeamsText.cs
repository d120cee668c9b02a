using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ScribeBot.Teams.Inbound;

/// <summary>
/// Turns what Teams sends as message text into the literal text the timeline keeps. Channel messages arrive as plain
/// text with <c>&lt;at&gt;Name&lt;/at&gt;</c> for mentions, or as HTML (a message action's <c>body.content</c>, a
/// formatted message); tags become text and entities are decoded, so the stored text carries no markup to replay.
/// </summary>
internal static partial class TeamsText
{
    /// <param name="keepMentions">
    /// Keeps other people's mentions as <c>&lt;at&gt;Name&lt;/at&gt;</c>, for command text: <see cref="TeamsMentionSyntax"/>
    /// reads a mention with spaces in the name as one person (<c>escalate &lt;at&gt;Dana Okafor&lt;/at&gt; db on-call</c>).
    /// </param>
    public static string ToPlain(string? text, bool keepMentions = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var withMentions = Mention().Replace(text, match => keepMentions
            ? "<at>" + WebUtility.HtmlDecode(match.Groups["name"].Value).Replace('<', ' ').Replace('>', ' ') + "</at>"
            : "@" + match.Groups["name"].Value);
        var withBreaks = Break().Replace(withMentions, "\n");
        var withoutTags = Tag().Replace(withBreaks, string.Empty);
        var decoded = WebUtility.HtmlDecode(withoutTags).Replace('\u00A0', ' ');
        return Normalize(decoded);
    }

    /// <summary>
    /// The text of a message addressed to the bot with the bot's own mentions taken out, so <c>&lt;at&gt;ScribeBot&lt;/at&gt; incident ack</c>
    /// reads as <c>incident ack</c>.
    /// </summary>
    public static string WithoutMentionsOf(string? text, IEnumerable<string> botMentionTexts)
    {
        var result = text ?? string.Empty;
        foreach (var mention in botMentionTexts.Where(m => !string.IsNullOrEmpty(m)))
        {
            result = result.Replace(mention, " ", StringComparison.Ordinal);
        }

        return ToPlain(result, keepMentions: true).Trim();
    }

    private static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (builder.Length > 0)
            {
                builder.Append('\n');
            }

            builder.Append(line.TrimEnd());
        }

        return builder.ToString().Trim('\n');
    }

    [GeneratedRegex(@"<at[^>]*>(?<name>.*?)</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Mention();

    [GeneratedRegex(@"<br\s*/?>|</p>|</div>|</li>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Break();

    // Only the tags Teams writes: a plain "p99 < 200ms > SLO" must keep its angle brackets.
    [GeneratedRegex(@"</?(?:p|div|span|br|b|strong|i|em|u|s|strike|del|code|pre|ul|ol|li|a|img|blockquote|h[1-6]|table|thead|tbody|tr|td|th|hr|emoji|attachment|systemeventmessage)\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Tag();
}
