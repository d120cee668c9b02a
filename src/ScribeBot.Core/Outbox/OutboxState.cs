namespace ScribeBot.Core.Outbox;

/// <summary>Where an <see cref="OutboxItem"/> is in its life.</summary>
public enum OutboxState
{
    /// <summary>Waiting to be delivered, or to be retried.</summary>
    Pending,

    /// <summary>The platform accepted the post.</summary>
    Delivered,

    /// <summary>Given up (a permanent error, or failures for too long); kept so that nothing vanishes unseen.</summary>
    Abandoned,
}
