using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScribeBot.Core.Caching;
using ScribeBot.Core.Commands;
using ScribeBot.Core.Text;
using ScribeBot.Slack.Events;
using ScribeBot.Slack.WebApi;

namespace ScribeBot.Slack.Endpoint;

/// <summary>
/// Makes sure the bot is in the channel a slash command came from, before the command runs: Slack delivers
/// <c>/incident</c> in any channel, but the bot receives the channel's messages (and may post there) only as a member.
/// A public channel is joined (<c>conversations.join</c>); a private one cannot be joined by a bot, so the caller is told
/// how to <c>/invite</c> it, and a command that would start capturing (<c>start</c>, <c>reopen</c>) is not run, since
/// the bot could record nothing. When Slack cannot answer (outage, rate limit, the time budget) the command runs
/// anyway: Slack's trouble must not stop an incident from being declared.
/// </summary>
internal sealed partial class SlackChannelMembership(
    Func<SlackWebApiClient> client, IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackChannelMembership> logger)
{
    /// <summary>
    /// How long a channel the bot is known to be in is not asked about again. Short, because the bot can be removed;
    /// a command in that window runs, and its channel posts fail in the outbox with <c>not_in_channel</c>. Only
    /// membership is remembered: a channel the bot is not in is asked about again, so a command right after
    /// <c>/invite</c> works.
    /// </summary>
    public static readonly TimeSpan MemberCacheDuration = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The most the check may add to a slash command: Slack wants its answer in 3 s, and name lookups (1 s) and the
    /// store commit share them. Past it, the command runs unchecked.
    /// </summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(1);

    /// <summary>
    /// After Slack timed out or was unreachable, how long commands run unchecked without asking again: during an outage
    /// each command would otherwise spend the whole <see cref="Budget"/> waiting, and a down Slack is not hammered.
    /// </summary>
    public static readonly TimeSpan UnreachableDuration = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Bounds the cache, whose key is the channel a signed request names: past it, expired entries go, then arbitrary
    /// ones (their next command asks Slack again). Far more channels than see a command within
    /// <see cref="MemberCacheDuration"/>.
    /// </summary>
    internal const int MaxCachedChannels = 10_000;

    private readonly BoundedCache<string, DateTimeOffset> _memberUntil =
        new(MaxCachedChannels, StringComparer.Ordinal, isStale: until => until <= time.GetUtcNow());

    private long _unreachableUntilTicks;

    internal int CachedChannels => _memberUntil.Count;

    public async Task<SlackMembershipCheck> EnsureAsync(SlackSlashCommand command, CancellationToken cancellationToken)
    {
        var channel = command.Request.Channel;
        var now = time.GetUtcNow();
        if (string.IsNullOrWhiteSpace(options.Value.BotToken)
            || (_memberUntil.TryGetValue(channel.Key, out var until) && until > now))
        {
            return SlackMembershipCheck.Proceed;
        }

        if (now.UtcTicks < Interlocked.Read(ref _unreachableUntilTicks))
        {
            LogUnchecked(logger, channel.Key, "Slack unreachable a moment ago");
            return SlackMembershipCheck.Proceed;
        }

        using var budget = new CancellationTokenSource(Budget, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(budget.Token, cancellationToken);
        try
        {
            return await CheckAsync(command, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogUnchecked(logger, channel.Key, "timeout");
            NoteSlackUnreachable();
            return SlackMembershipCheck.Proceed;
        }
    }

    private async Task<SlackMembershipCheck> CheckAsync(SlackSlashCommand command, CancellationToken cancellationToken)
    {
        var channel = command.Request.Channel;
        var api = client();
        var info = await api.Conversations.GetInfoAsync(channel.Channel, cancellationToken).ConfigureAwait(false);
        if (!info.IsOk)
        {
            // A bot sees a private channel only as a member: to it, a private channel it is not in does not exist.
            if (info.Error == "channel_not_found")
            {
                LogNotMember(logger, channel.Key, "private or unknown");
                return NotMember(command, InviteHint());
            }

            if (info.Status is SlackApiStatus.Unavailable or SlackApiStatus.RateLimited)
            {
                NoteSlackUnreachable();
            }

            LogUnchecked(logger, channel.Key, info.Error);
            return SlackMembershipCheck.Proceed;
        }

        if (info.Value.IsMember)
        {
            Remember(channel.Key);
            return SlackMembershipCheck.Proceed;
        }

        if (info.Value.IsPrivate)
        {
            LogNotMember(logger, channel.Key, "private");
            return NotMember(command, InviteHint());
        }

        var joined = await api.Conversations.JoinAsync(channel.Channel, cancellationToken).ConfigureAwait(false);
        if (joined.IsOk)
        {
            LogJoined(logger, channel.Key);
            Remember(channel.Key);
            return SlackMembershipCheck.Proceed;
        }

        if (JoinFailureForUser(joined.Error, joined.NeededScope) is { } explanation)
        {
            LogNotMember(logger, channel.Key, "join failed: " + joined.Error);
            return NotMember(command, FromExplanation(explanation));
        }

        // An outage or a code the caller cannot act on: better an incident whose capture may lag than none at all.
        LogUnchecked(logger, channel.Key, "join " + joined.Error);
        return SlackMembershipCheck.Proceed;
    }

    /// <summary>
    /// Slack did not answer in time (this check, or another call of the same command): the check is skipped for
    /// <see cref="UnreachableDuration"/>, so one command never waits out two budgets against a hanging Slack.
    /// </summary>
    public void NoteSlackUnreachable() => Interlocked.Exchange(ref _unreachableUntilTicks, (time.GetUtcNow() + UnreachableDuration).UtcTicks);

    internal void Remember(string channelKey) => _memberUntil.Set(channelKey, time.GetUtcNow() + MemberCacheDuration);

    private static SlackMembershipCheck NotMember(SlackSlashCommand command, ChatText notice) =>
        StartsCapture(command)
            ? new(notice + ChatText.Of(" The command was not run: I could not record this channel."), Blocks: true)
            : new(notice, Blocks: false);

    /// <summary>A command whose whole point is recording this channel, which the bot cannot do from outside it.</summary>
    private static bool StartsCapture(SlackSlashCommand command) =>
        CommandParser.Parse(command.Request.Text).Command is StartCommand or ReopenCommand;

    private static ChatText InviteHint() =>
        ChatText.Of("I'm not a member of this channel, so I can't see its messages or post in it. Invite me with ")
        + Code("/invite @ScribeBot")
        + ChatText.Of(" (or the name this app has in your workspace) and run the command again.");

    /// <summary>The join failures a person can fix; null for the rest (logged only).</summary>
    private static string? JoinFailureForUser(string? code, string? neededScope) => code switch
    {
        "is_archived" => "This channel is archived, so I can't join it. Unarchive it, or declare the incident in another channel.",
        "method_not_supported_for_channel_type" or "channel_not_found" or "not_in_channel" =>
            SlackErrorExplanation.ForUser("channel_not_found"),
        _ => SlackErrorExplanation.ForUser(code, neededScope),
    };

    /// <summary><see cref="SlackErrorExplanation"/> marks commands and scopes with backticks; they become code runs.</summary>
    private static ChatText FromExplanation(string explanation)
    {
        var parts = explanation.Split('`');
        var text = ChatText.Empty;
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length > 0)
            {
                text += i % 2 == 1 ? Code(parts[i]) : ChatText.Of(parts[i]);
            }
        }

        return text;
    }

    private static ChatText Code(string text) => new([new TextRun(text, RunStyle.Code)]);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack: joined channel {Channel} for a slash command")]
    private static partial void LogJoined(ILogger logger, string channel);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack: not a member of channel {Channel} ({Reason}); the caller was told how to invite the bot")]
    private static partial void LogNotMember(ILogger logger, string channel, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack: membership of channel {Channel} not checked ({Reason}); the command runs anyway")]
    private static partial void LogUnchecked(ILogger logger, string channel, string? reason);
}

/// <summary>
/// The outcome of <see cref="SlackChannelMembership.EnsureAsync"/>: a notice for the caller (how to invite the bot), and
/// whether the command must not run.
/// </summary>
internal sealed record SlackMembershipCheck(ChatText? Notice, bool Blocks)
{
    public static SlackMembershipCheck Proceed { get; } = new(null, false);
}
