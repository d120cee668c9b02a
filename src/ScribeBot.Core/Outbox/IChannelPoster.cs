using ScribeBot.Core.Channels;

namespace ScribeBot.Core.Outbox;

/// <summary>Delivers outbox items to one chat platform; each adapter implements it.</summary>
public interface IChannelPoster
{
    ChatPlatform Platform { get; }

    /// <summary>
    /// False when the platform's credentials are missing: the dispatcher then leaves its posts waiting in the outbox
    /// rather than sending them anywhere unauthenticated.
    /// </summary>
    bool IsConfigured { get; }

    /// <summary>
    /// Posts the item (rendering timeline and postmortem posts from the store as they are now). Expected failures
    /// are results, not exceptions; an exception counts as a retryable failure.
    /// </summary>
    Task<DeliveryResult> DeliverAsync(OutboxItem item, CancellationToken cancellationToken);
}
