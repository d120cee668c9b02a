namespace ScribeBot.Core.Channels;

/// <summary>
/// Identifies one channel (or conversation) on one platform: platform + workspace or tenant id + channel id.
/// </summary>
public sealed record ChannelRef(ChatPlatform Platform, string Workspace, string Channel)
{
    /// <summary>A stable text key, unique across platforms, e.g. <c>slack:T123:C456</c>.</summary>
    public string Key => $"{Platform.ToName()}:{Workspace}:{Channel}";

    /// <summary>The key of the workspace (incident numbers are sequential per workspace).</summary>
    public string WorkspaceKey => $"{Platform.ToName()}:{Workspace}";

    public override string ToString() => Key;
}
