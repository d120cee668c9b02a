using ScribeBot.Core.Channels;

namespace ScribeBot.Core.Commands;

/// <summary>
/// How <c>help</c> groups the verbs of <see cref="CommandUsage"/>: by what a person is doing when they need one.
/// Thirty lines in one block are hard to scan in a chat window; four short groups are not (issue 15, item 4).
/// Every verb is in exactly one group (checked by a test), so a new verb cannot silently vanish from help.
/// </summary>
public static class CommandGroups
{
    /// <summary>The groups as Slack and Teams show them.</summary>
    public static IReadOnlyList<(string Title, IReadOnlyList<string> Verbs)> All { get; } = For(ChatPlatform.Slack);

    /// <summary>The groups on <paramref name="platform"/>: the tags group names that platform's way to tag (<see cref="TagHint"/>).</summary>
    public static IReadOnlyList<(string Title, IReadOnlyList<string> Verbs)> For(ChatPlatform platform) =>
    [
        ("Lifecycle", ["start", "ack", "severity", "commander", "tz", "resolve", "reopen"]),
        ("Facts for the postmortem", ["detected", "began", "recovered", "impact", "users", "rootcause", "resolution", "improve", "todo", "followups"]),
        ($"Tags: timeline lines (or {TagHint.Action(platform)})", ["update", "escalate", "misleading", "action", "note"]),
        ("Reports", ["status", "catchup", "timeline", "postmortem", "stats", "help"]),
    ];
}
