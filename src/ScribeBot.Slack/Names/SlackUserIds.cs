using System.Buffers;

namespace ScribeBot.Slack.Names;

/// <summary>Which ids are worth a <c>users.info</c>: a Slack user id, not a bot id or a name typed as <c>@dana</c>.</summary>
internal static class SlackUserIds
{
    private static readonly SearchValues<char> IdCharacters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    public static bool IsUserId(string id) =>
        id.Length is >= 3 and <= 32 && id[0] is 'U' or 'W' && !id.AsSpan(1).ContainsAnyExcept(IdCharacters);
}
