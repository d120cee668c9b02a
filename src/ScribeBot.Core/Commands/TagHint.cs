using ScribeBot.Core.Channels;

namespace ScribeBot.Core.Commands;

/// <summary>
/// How the bot's hints tell people to tag a message by hand, per platform. In Slack and Teams that is a reaction; the
/// web sandbox has no reactions as such, only the "tag" button under each message, and a hint that says "react" there
/// sends a new user looking for something the page does not have.
/// </summary>
public static class TagHint
{
    /// <summary>"a reaction", or "a message's tag button" in the sandbox: what "Tag key messages with ..." ends with.</summary>
    public static string Means(ChatPlatform platform) =>
        platform == ChatPlatform.Web ? "a message's tag button" : "a reaction";

    /// <summary>"react to a message", or "use a message's tag button" in the sandbox: the other way to add a timeline line.</summary>
    public static string Action(ChatPlatform platform) =>
        platform == ChatPlatform.Web ? "use a message's tag button" : "react to a message";
}
