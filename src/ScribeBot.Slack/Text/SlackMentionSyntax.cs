using System.Text.RegularExpressions;
using ScribeBot.Core.Channels;

namespace ScribeBot.Slack.Text;

/// <summary>
/// Slack's way of naming a person in command text: <c>&lt;@U123|name&gt;</c>, as <see cref="SlackTextDecoder"/> keeps
/// a user mention for the command grammar (with the resolved name, unescaped), or <c>&lt;@U123&gt;</c>. Registered by
/// <see cref="SlackServiceCollectionExtensions.AddSlackMentionSyntax"/> for every request (see <see cref="MentionReader"/>).
/// </summary>
internal sealed partial class SlackMentionSyntax : IMentionSyntax
{
    public Person? Parse(string token)
    {
        var match = Mention().Match(token);
        if (!match.Success)
        {
            return null;
        }

        var id = match.Groups["id"].Value;
        return new Person(id, match.Groups["name"].Success ? match.Groups["name"].Value : id);
    }

    // One token even with spaces in the name: <@U1|Bo Chen>.
    public int LeadingLength(string text) => Leading().Match(text) is { Success: true } match ? match.Length : 0;

    public (int Start, string Token)? Trailing(string text) =>
        TrailingMention().Match(text) is { Success: true } match ? (match.Index, match.Groups["owner"].Value) : null;

    [GeneratedRegex(@"^<@(?<id>[A-Za-z0-9._-]+)(?:\|(?<name>[^>]+))?>$", RegexOptions.CultureInvariant)]
    private static partial Regex Mention();

    [GeneratedRegex(@"^<@[^>]+>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Leading();

    [GeneratedRegex(@"\s(?<owner><@[^>]+>)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingMention();
}
