namespace ScribeBot.Web.Sandbox;

/// <summary>What a line of the sandbox feed is.</summary>
internal enum SandboxItemKind
{
    /// <summary>Chat typed by a person.</summary>
    Message,

    /// <summary>An <c>/incident</c> command typed by a person.</summary>
    Command,

    /// <summary>ScribeBot's answer to a command, shown only to the person who sent it (Slack's ephemeral message).</summary>
    Reply,

    /// <summary>A short ScribeBot post: incident declared, acknowledged, resolved...</summary>
    Announcement,

    /// <summary>The <c>timeline</c> verb's post.</summary>
    Timeline,

    /// <summary>The postmortem draft.</summary>
    Draft,

    /// <summary>An event of a page the sandbox simulated, as its pager (PagerDuty, Alertmanager) sent it.</summary>
    Alert,
}

/// <summary>
/// One line of a sandbox channel's feed. People's lines keep their <see cref="Text"/> as typed (the page encodes it);
/// ScribeBot's lines carry <see cref="Html"/> that <see cref="SandboxHtml"/> rendered with every piece of user text
/// encoded, so the page may write it as is.
/// </summary>
internal sealed record SandboxFeedItem
{
    public const string BotName = "ScribeBot";

    /// <summary>The message id for people's lines (also their timeline entry's id); the outbox item id for posts.</summary>
    public required string Id { get; init; }

    public required SandboxItemKind Kind { get; init; }

    public required DateTimeOffset At { get; init; }

    public required string Author { get; init; }

    public string? Text { get; init; }

    public string? Html { get; init; }

    /// <summary>The only person who sees the line; null when everyone does.</summary>
    public string? VisibleTo { get; init; }

    /// <summary>The message a reply answers.</summary>
    public string? InReplyTo { get; init; }

    /// <summary>The incident a post is about (drafts link to its Markdown download).</summary>
    public string? IncidentId { get; init; }

    /// <summary>Who reacted with which emoji, in the order they reacted.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Reactions { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    /// <summary>
    /// Roughly what the line holds in memory, for the feed's byte budgets: its strings at two bytes a UTF-16 char, plus
    /// <see cref="FixedBytes"/>. Strings shared with other lines (a person's name) are counted in each, so it errs high.
    /// </summary>
    public long EstimatedBytes =>
        FixedBytes
        + 2L * (Id.Length + Author.Length + (Text?.Length ?? 0) + (Html?.Length ?? 0) + (VisibleTo?.Length ?? 0)
            + (InReplyTo?.Length ?? 0) + (IncidentId?.Length ?? 0)
            + Reactions.Sum(reaction => reaction.Key.Length + reaction.Value.Sum(user => user.Length)));

    /// <summary>The record, its dictionary and the string headers: a few hundred bytes whatever the text.</summary>
    private const int FixedBytes = 256;

    /// <summary>People's lines take reactions; ScribeBot's do not (they are not on the timeline).</summary>
    public bool TakesReactions => Kind is SandboxItemKind.Message or SandboxItemKind.Command;

    public bool IsFromBot => Kind is not (SandboxItemKind.Message or SandboxItemKind.Command);

    public bool IsVisibleTo(string? viewer) => VisibleTo is null || string.Equals(VisibleTo, viewer, StringComparison.Ordinal);

    public bool HasReacted(string emoji, string? user) =>
        user is not null && Reactions.TryGetValue(emoji, out var users) && users.Contains(user, StringComparer.Ordinal);

    public SandboxFeedItem WithReaction(string emoji, string user, bool added)
    {
        var reactions = new Dictionary<string, IReadOnlyList<string>>(Reactions, StringComparer.Ordinal);
        var users = reactions.TryGetValue(emoji, out var existing) ? existing.Where(u => u != user).ToList() : [];
        if (added)
        {
            users.Add(user);
        }

        if (users.Count == 0)
        {
            reactions.Remove(emoji);
        }
        else
        {
            reactions[emoji] = users;
        }

        return this with { Reactions = reactions };
    }
}
