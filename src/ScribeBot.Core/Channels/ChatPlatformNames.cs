namespace ScribeBot.Core.Channels;

/// <summary>The name of a platform in keys, addresses and markup.</summary>
public static class ChatPlatformNames
{
    /// <summary>"slack", "teams" or "web": the first part of a channel key and the dashboard's filter value.</summary>
    public static string ToName(this ChatPlatform platform) => platform switch
    {
        ChatPlatform.Slack => "slack",
        ChatPlatform.Teams => "teams",
        ChatPlatform.Web => "web",
        _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, "Not a chat platform."),
    };
}
