using Microsoft.Extensions.Options;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Chat;
using ScribeBot.Core.Commands;
using ScribeBot.Core.Configuration;
using ScribeBot.Core.Postmortem.Document;
using ScribeBot.Core.Text;

namespace ScribeBot.Web.Sandbox;

/// <summary>
/// The sandbox's chat: a person posts into a web channel under a name of their choosing and ScribeBot treats it like a
/// Slack or Teams channel, through the same core. <c>/incident ...</c> runs the command, whose reply only its sender
/// sees; anything else is captured (recorded while an incident is open); a reaction toggles and tags through the
/// reaction table. ScribeBot's channel posts arrive later, through the outbox and <see cref="WebChannelPoster"/>.
/// The sandbox has no accounts: a name is whatever the person typed (docs/decisions.md, "Sandbox").
/// </summary>
internal sealed partial class SandboxChannel(
    CommandHandler commands,
    TimelineCapture capture,
    SandboxFeed feed,
    SandboxMessageIds ids,
    SandboxEmoji emoji,
    IOptions<ScribeOptions> options,
    TimeProvider time,
    ILogger<SandboxChannel> logger) : IDisposable
{
    public const string Workspace = "sandbox";
    public const string PagePath = "/sandbox";

    // One toggle at a time, so the feed's "already reacted?" and the store's tag cannot disagree after a double click.
    private readonly SemaphoreSlim _reactions = new(1, 1);

    public static ChannelRef ChannelOf(string channelName) => new(ChatPlatform.Web, Workspace, channelName);

    /// <summary>
    /// Posts <paramref name="text"/> as <paramref name="userName"/>. <paramref name="siteBase"/> (the address the page
    /// was requested at) makes each message's permalink, unless <c>Scribe:PublicBaseUrl</c> is set; the draft's timeline
    /// links back to the message in the feed with it. Its host is one <see cref="Access.WebHostGuard"/> let through
    /// (a loopback name, or the public host), never one a rebinding page chose. Refused input (no name, empty, too long) changes nothing.
    /// </summary>
    public async Task<SandboxPostResult> PostAsync(
        string channelName, string? userName, string? text, Uri? siteBase, CancellationToken cancellationToken)
    {
        if (!SandboxInput.TryUserName(userName, out var name, out var error) || !SandboxInput.TryMessage(text, out var message, out error))
        {
            return SandboxPostResult.Refused(error);
        }

        var channel = ChannelOf(channelName);
        var id = ids.Next();
        var at = time.GetUtcNow();
        var author = new Person(name, name);
        var permalink = PermalinkOf(channelName, id, siteBase);

        if (WebCommandText.Parse(message) is { } command)
        {
            await RunCommandAsync(channel, id, at, author, message, command, permalink, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var result = await capture.RecordAsync(new ChatMessage
            {
                Channel = channel,
                MessageId = id,
                At = at,
                Author = author,
                Text = message,
                Permalink = permalink,
            }, cancellationToken).ConfigureAwait(false);
            feed.Add(channel, new SandboxFeedItem { Id = id, Kind = SandboxItemKind.Message, At = at, Author = name, Text = message });
            LogCaptured(channel.Key, id, result);
        }

        return SandboxPostResult.Posted(id);
    }

    /// <summary>
    /// Adds <paramref name="userName"/>'s <paramref name="emojiName"/> to the message, or takes it away when they had
    /// already reacted with it; the reaction table decides which tag that gives or removes.
    /// </summary>
    public async Task<SandboxReactResult> ToggleReactionAsync(
        string channelName, string? userName, string? messageId, string? emojiName, CancellationToken cancellationToken)
    {
        if (!SandboxInput.TryUserName(userName, out var name, out var error))
        {
            return SandboxReactResult.Refused(error);
        }

        if (emojiName is null || !emoji.IsChoice(emojiName))
        {
            return SandboxReactResult.Refused($"'{TextShortener.Shorten(emojiName)}' is not one of the reactions ScribeBot reads here.");
        }

        var channel = ChannelOf(channelName);
        await _reactions.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (messageId is null || feed.Find(channel, messageId) is not { TakesReactions: true } item || !item.IsVisibleTo(name))
            {
                return SandboxReactResult.Refused("That message is not in this channel's feed (any more).");
            }

            var added = !item.HasReacted(emojiName, name);
            var result = await capture.ReactAsync(new ReactionChange(channel, messageId, emojiName, new Person(name, name), added), cancellationToken)
                .ConfigureAwait(false);
            feed.Update(channel, messageId, current => current.WithReaction(emojiName, name, added));
            LogReacted(channel.Key, messageId, emojiName, added, result);
            return SandboxReactResult.Done(added);
        }
        finally
        {
            _reactions.Release();
        }
    }

    /// <summary>
    /// The command line appears at once, to its sender only, so that the posts it causes (delivered by the outbox,
    /// possibly before the handler returns) come after it. It stays theirs, accepted or not, as Slack never shows a
    /// slash command to the channel (issue 15, item 5): others see what the command posts, not the command.
    /// </summary>
    private async Task RunCommandAsync(
        ChannelRef channel, string id, DateTimeOffset at, Person author, string message, string command, string permalink, CancellationToken cancellationToken)
    {
        feed.Add(channel, new SandboxFeedItem
        {
            Id = id, Kind = SandboxItemKind.Command, At = at, Author = author.DisplayName, Text = message, VisibleTo = author.DisplayName,
        });

        CommandOutcome? outcome = null;
        try
        {
            outcome = await commands.HandleAsync(new CommandRequest
            {
                Channel = channel,
                Caller = author,
                Text = command,
                At = at,
                RequestId = id,
                Permalink = permalink,
            }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // The command failed (the exception goes on to the error page): it was not said.
            if (outcome is null)
            {
                feed.Remove(channel, id);
            }
        }

        if (!string.IsNullOrWhiteSpace(outcome.Reply.ToPlainString()))
        {
            feed.Add(channel, new SandboxFeedItem
            {
                Id = id + "/reply",
                Kind = SandboxItemKind.Reply,
                At = time.GetUtcNow(),
                Author = SandboxFeedItem.BotName,
                Html = SandboxHtml.FromChatText(outcome.Reply),
                VisibleTo = author.DisplayName,
                InReplyTo = id,
                IncidentId = outcome.Incident?.Id,
            });
        }

        LogCommand(channel.Key, id, outcome.Accepted);
    }

    public void Dispose() => _reactions.Dispose();

    private string PermalinkOf(string channelName, string id, Uri? siteBase)
    {
        var configured = options.Value.PublicBaseUrl;
        var baseUrl = !string.IsNullOrWhiteSpace(configured) ? configured : siteBase?.AbsoluteUri;
        if (baseUrl is null)
        {
            // No address to link to: the draft links to the message's line in its own transcript, as replay does.
            return MessageAnchor.Href(id);
        }

        return baseUrl.TrimEnd('/') + PageUrl(channelName) + "#" + MessageAnchor.Id(id);
    }

    /// <summary>The page of a channel, relative to the site: <c>/sandbox</c>, or <c>/sandbox?channel=name</c>.</summary>
    public static string PageUrl(string channelName) =>
        channelName == SandboxInput.DefaultChannel ? PagePath : $"{PagePath}?channel={Uri.EscapeDataString(channelName)}";


    [LoggerMessage(Level = LogLevel.Debug, Message = "Sandbox message {MessageId} in {Channel}: {Result}")]
    private partial void LogCaptured(string channel, string messageId, CaptureResult result);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sandbox command {MessageId} in {Channel}: accepted={Accepted}")]
    private partial void LogCommand(string channel, string messageId, bool accepted);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sandbox reaction {Emoji} on {MessageId} in {Channel} added={Added}: {Result}")]
    private partial void LogReacted(string channel, string messageId, string emoji, bool added, CaptureResult result);
}
