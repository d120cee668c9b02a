using System.Text.RegularExpressions;

namespace ScribeBot.Core.Channels;

/// <summary>
/// Reads a person named in a command: Slack's <c>&lt;@U123|name&gt;</c> or <c>&lt;@U123&gt;</c>, Teams'
/// <c>&lt;at&gt;Name&lt;/at&gt;</c>, or a typed <c>@name</c>. The stored name carries no mention syntax, so
/// re-posting it can never ping.
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

    [GeneratedRegex(@"^<@(?<id>[A-Za-z0-9._-]+)(?:\|(?<name>[^>]+))?>$", RegexOptions.CultureInvariant)]
    private static partial Regex SlackMention();

    [GeneratedRegex(@"^<at>(?<name>.*)</at>$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TeamsMention();
}
