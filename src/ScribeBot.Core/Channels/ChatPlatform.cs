namespace ScribeBot.Core.Channels;

/// <summary>The chat platform a channel lives on.</summary>
public enum ChatPlatform
{
    Slack,
    Teams,
    Web,
}
