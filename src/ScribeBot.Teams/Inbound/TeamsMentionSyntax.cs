using System.Text.RegularExpressions;
using ScribeBot.Core.Channels;

namespace ScribeBot.Teams.Inbound;

/// <summary>
/// Teams' way of naming a person in command text: <c>&lt;at&gt;Name&lt;/at&gt;</c>, as <see cref="TeamsText"/> keeps a
/// mention for the command grammar (attributes and entities already gone). Teams names no id in the text, so the name
/// is the id too. Registered by
/// <see cref="TeamsServiceCollectionExtensions.AddTeamsMentionSyntax"/> for every request (see <see cref="MentionReader"/>).
/// </summary>
internal sealed partial class TeamsMentionSyntax : IMentionSyntax
{
    public Person? Parse(string token)
    {
        var match = Mention().Match(token);
        if (!match.Success)
        {
            return null;
        }

        var name = match.Groups["name"].Value.Trim();
        return new Person(name, name);
    }

    // One token even with spaces in the name: <at>Priya Raman</at>.
    public int LeadingLength(string text) => Leading().Match(text) is { Success: true } match ? match.Length : 0;

    public (int Start, string Token)? Trailing(string text) =>
        TrailingMention().Match(text) is { Success: true } match ? (match.Index, match.Groups["owner"].Value) : null;

    [GeneratedRegex(@"^<at>(?<name>.*)</at>$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Mention();

    [GeneratedRegex(@"^<at>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Leading();

    [GeneratedRegex(@"\s(?<owner><at>[^<]*</at>)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingMention();
}
