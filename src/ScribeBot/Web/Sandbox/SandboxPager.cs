using ScribeBot.Core.Caching;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Paging;
using ScribeBot.Core.Paging.Routing;
using ScribeBot.Core.Text;

namespace ScribeBot.Web.Sandbox;

/// <summary>
/// The sandbox's "simulate a page" control: sends a sandbox channel one event of a PagerDuty- or Alertmanager-shaped
/// page (<see cref="SimulatedPages"/>) through the page intake, on a route to that channel that declares, so a
/// trigger opens or joins its incident exactly as a real webhook's would. A trigger starts a new page; acknowledge,
/// escalate and resolve act on the page the channel's last trigger started, so the events form one page's life and
/// its MTTA and MTTR run from that trigger. The pager's line shows in the feed, then ScribeBot's posts arrive through
/// the outbox as for a real page.
/// </summary>
internal sealed partial class SandboxPager(
    PageIntake intake,
    SandboxFeed feed,
    SandboxMessageIds ids,
    TimeProvider time,
    ILogger<SandboxPager> logger) : IDisposable
{
    /// <summary>Who acts in the pager when the person has not picked a name.</summary>
    public const string Anonymous = "you";

    // One event at a time, so two quick clicks cannot both find no page and start two, or act on a page being resolved.
    private readonly SemaphoreSlim _gate = new(1, 1);

    // The page each channel's buttons act on, per source: what the pager itself would remember. In memory, like the
    // feed, and bounded like it; after a restart a channel's next page starts with a trigger.
    private readonly BoundedCache<(ChannelRef Channel, PageSource Source), SimulatedAlert> _alerts = new(SandboxFeed.MaxChannels * 2);

    /// <summary>The page <paramref name="source"/>'s buttons act on in the channel, if one fired and is not resolved.</summary>
    public SimulatedAlert? Current(string channelName, PageSource source) =>
        _alerts.TryGetValue((SandboxChannel.ChannelOf(channelName), source), out var alert) ? alert : null;

    /// <summary>
    /// Sends the event the button <paramref name="choiceValue"/> names; refused, changing nothing, when it names none or
    /// acts on a page that has not fired. The sandbox user's name, if they picked one, is who acted in the pager.
    /// </summary>
    public async Task<SandboxPostResult> SimulateAsync(string channelName, string? userName, string? choiceValue, CancellationToken cancellationToken)
    {
        if (SandboxPageChoice.Find(choiceValue) is not { } choice)
        {
            return SandboxPostResult.Refused($"'{TextShortener.Shorten(choiceValue)}' is not a page the sandbox can simulate.");
        }

        var name = SandboxInput.TryUserName(userName, out var valid, out _) ? valid : null;
        var channel = SandboxChannel.ChannelOf(channelName);
        var key = (channel, choice.Source);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = time.GetUtcNow();
            SimulatedAlert? alert = choice.Action == PageAction.Triggered
                ? SimulatedPages.NewAlert(choice.Source, now)
                : _alerts.TryGetValue(key, out var current) ? current : null;
            if (alert is null)
            {
                var first = SandboxPageChoice.Of(choice.Source).First();
                return SandboxPostResult.Refused(
                    $"No simulated {choice.Source.ToLabel()} page has fired in this channel: press {first.Label} first; the other buttons act on the page it starts.");
            }

            var page = SimulatedPages.Event(alert, choice.Action, now, name ?? Anonymous);
            var id = await SendAsync(channel, choice, page, name, cancellationToken).ConfigureAwait(false);
            if (choice.Action == PageAction.Resolved)
            {
                _alerts.Remove(key);
            }
            else
            {
                _alerts.Set(key, alert);
            }

            return SandboxPostResult.Posted(id);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// The pager's line goes in the feed first, so ScribeBot's posts (delivered by the outbox, possibly before the
    /// intake returns) come after it; it is taken out again if the intake fails.
    /// </summary>
    private async Task<string> SendAsync(ChannelRef channel, SandboxPageChoice choice, PageEvent page, string? name, CancellationToken cancellationToken)
    {
        var id = ids.Next();
        feed.Add(channel, new SandboxFeedItem
        {
            Id = id,
            Kind = SandboxItemKind.Alert,
            At = page.At,
            Author = page.Source.ToLabel(),
            Html = SandboxHtml.FromChatText(Describe(choice, page, name)),
        });

        PageIntakeResult? result = null;
        try
        {
            result = await intake.ReceiveAsync([page], PageRoute.To(channel), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (result is null)
            {
                feed.Remove(channel, id);
            }
        }

        LogSimulated(channel.Key, page.Source, page.Action, page.AlertId, result.Recorded);
        return id;
    }

    /// <summary>"incident.acknowledged High error rate on checkout-api · checkout-api · P2 · by Alice Ng (simulated)".</summary>
    private static ChatText Describe(SandboxPageChoice choice, PageEvent page, string? name)
    {
        var text = new ChatTextBuilder().Strong(choice.EventName).Plain(" ").Link(page.Title, page.Url!)
            .Plain($" · {page.Service} · {page.Priority}");
        if (page.Detail is { Length: > 0 } detail && page.Action == PageAction.Escalated)
        {
            text.Plain($" · to {detail}");
        }

        if (page.Actor is { Length: > 0 } actor)
        {
            text.Plain($" · by {actor}");
        }

        return text.Emphasis(name is null ? " (simulated)" : $" (simulated by {name})").Build();
    }

    public void Dispose() => _gate.Dispose();

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sandbox simulated {Source} page event {Action} of {AlertId} in {Channel}: recorded {Recorded}")]
    private partial void LogSimulated(string channel, PageSource source, PageAction action, string alertId, int recorded);
}
