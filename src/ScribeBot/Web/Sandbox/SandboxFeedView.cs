using System.Globalization;

namespace ScribeBot.Web.Sandbox;

/// <summary>What the feed fragment renders: one channel's lines as <see cref="Viewer"/> sees them.</summary>
internal sealed record SandboxFeedView(
    string Channel,
    string? Viewer,
    SandboxFeedSnapshot Snapshot,
    IReadOnlyList<SandboxReaction> Reactions,
    TimeZoneInfo Zone)
{
    /// <summary>Where the page's script asks for a newer feed.</summary>
    public string FragmentUrl => $"{SandboxChannel.PagePath}/feed?channel={Uri.EscapeDataString(Channel)}";

    public string VersionText => Snapshot.Version.ToString(CultureInfo.InvariantCulture);

    public string LocalTime(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone).ToString("HH:mm:ss", CultureInfo.InvariantCulture);
}
