using System.Text.RegularExpressions;

namespace ScribeBot.Core.Channels;

/// <summary>
/// The one place that knows how a person is named in command text: Slack's <c>&lt;@U123|name&gt;</c> or
/// <c>&lt;@U123&gt;</c>, Teams' <c>&lt;at&gt;Name&lt;/at&gt;</c>, or a typed <c>@name</c>. The adapters hand these
/// forms over already decoded (the Slack reader resolves the name and unescapes, the Teams reader drops the tag's
/// attributes and entities); replay transcripts and the dashboard's task owners use the same forms. The stored name
/// carries no mention syntax, so re-posting it can never ping.
/// </summary>
public static partial class PersonMention
{
    public static Person Parse(string token)
    {
        var text = token.Trim();
        var slack = SlackMention().Match(text);
        if (slack.Success)
        {
            var id = slack.Groups["id"].Value;
            var name = slack.Groups["name"].Success ? slack.Groups["name"].Value : id;
            return new Person(id, name);
        }

        var teams = TeamsMention().Match(text);
        if (teams.Success)
        {
            var name = teams.Groups["name"].Value.Trim();
            return new Person(name, name);
        }

        var plain = text.TrimStart('@');
        return new Person(plain, plain);
    }

    /// <summary>How many characters of <paramref name="text"/> a mention at its start takes (0 for none): one token even with spaces inside.</summary>
    internal static int LeadingLength(string text) => LeadingMention().Match(text) is { Success: true } match ? match.Length : 0;

    /// <summary>
    /// The mention or <c>@handle</c> that ends <paramref name="text"/> after white space, and where that white space
    /// starts; null when the text ends otherwise.
    /// </summary>
    internal static (int Start, string Token)? Trailing(string text) =>
        TrailingMention().Match(text) is { Success: true } match ? (match.Index, match.Groups["owner"].Value) : null;

    [GeneratedRegex(@"^<@(?<id>[A-Za-z0-9._-]+)(?:\|(?<name>[^>]+))?>$", RegexOptions.CultureInvariant)]
    private static partial Regex SlackMention();

    [GeneratedRegex(@"^<at>(?<name>.*)</at>$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TeamsMention();

    [GeneratedRegex(@"^(<@[^>]+>|<at>.*?</at>)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingMention();

    [GeneratedRegex(@"\s(?<owner><@[^>]+>|<at>[^<]*</at>|@\S+)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingMention();
}
