namespace ScribeBot.Tests.Migrate;

/// <summary>
/// Where the verb tests (<c>migrate-store</c>, <c>purge</c>) write their histories: the workspaces and channels, and
/// the one person who declares the incidents and writes the entries (<see cref="MigrateSeed.Declaration"/>).
/// </summary>
internal static class StoreSeed
{
    public static readonly ChannelRef SlackC1 = new(ChatPlatform.Slack, "T1", "C1");
    public static readonly ChannelRef SlackC2 = new(ChatPlatform.Slack, "T1", "C2");
    public static readonly ChannelRef SlackC3 = new(ChatPlatform.Slack, "T1", "C3");
    public static readonly ChannelRef TeamsA = new(ChatPlatform.Teams, "tenant-a", "19:a@thread.tacv2");
    public static readonly Person Alice = new("U1", "Alice Ng");
}
