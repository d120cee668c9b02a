using ScribeBot.Core.Channels;
using ScribeBot.Core.Commands;

namespace ScribeBot.Core.Outbox;

/// <summary>
/// A channel post stored in the durable outbox: written in the same commit as the change that caused it, then
/// delivered by the <see cref="OutboxDispatcher"/>, retried until the platform accepts it or it is abandoned.
/// </summary>
public sealed record OutboxItem
{
    /// <summary>
    /// Deterministic (<see cref="MakeId"/>), so a redelivered command produces the same ids and the store ignores
    /// them instead of posting twice.
    /// </summary>
    public required string Id { get; init; }

    public required ChannelPost Post { get; init; }

    /// <summary>The channel the post goes to (always the post's own channel, so the two cannot disagree).</summary>
    public ChannelRef Channel => Post.Channel;

    /// <summary>The incident the post is about, for logs.</summary>
    public string? IncidentId { get; init; }

    public required DateTimeOffset EnqueuedAt { get; init; }

    /// <summary>Failed delivery attempts so far.</summary>
    public int Attempts { get; init; }

    public required DateTimeOffset NextAttemptAt { get; init; }

    public string? LastError { get; init; }

    public OutboxState State { get; init; } = OutboxState.Pending;

    public DateTimeOffset? DeliveredAt { get; init; }

    public DateTimeOffset? AbandonedAt { get; init; }

    /// <summary>The platform accepted the post.</summary>
    public OutboxItem Delivered(DateTimeOffset at) => this with { State = OutboxState.Delivered, DeliveredAt = at };

    /// <summary>A failed attempt, to be tried again at <paramref name="nextAttemptAt"/>.</summary>
    public OutboxItem AttemptFailed(DateTimeOffset nextAttemptAt, string error) =>
        this with { Attempts = Attempts + 1, NextAttemptAt = nextAttemptAt, LastError = error };

    /// <summary>Given up after a last failed attempt (counted); kept, <see cref="OutboxState.Abandoned"/>.</summary>
    public OutboxItem Abandoned(string error, DateTimeOffset at) =>
        this with { State = OutboxState.Abandoned, Attempts = Attempts + 1, LastError = error, AbandonedAt = at };

    /// <summary>
    /// How long to wait after this item's next failure: the platform's Retry-After when it gave one (never negative),
    /// else the back-off for that many failures (<see cref="OutboxRetryPolicy.Backoff"/>).
    /// </summary>
    public TimeSpan NextRetryDelay(TimeSpan? retryAfter) =>
        retryAfter is { } after
            ? (after > TimeSpan.Zero ? after : TimeSpan.Zero)
            : OutboxRetryPolicy.Backoff(Attempts + 1);

    /// <summary>
    /// <c>{channelKey}/{requestId}/post/{index}</c>. The channel is part of the id because platform request ids are
    /// only unique per channel (a Slack message <c>ts</c>); two channels' posts must never collide and be dropped.
    /// </summary>
    public static string MakeId(ChannelRef channel, string requestId, int index) =>
        $"{channel.Key}/{requestId}/post/{index}";

    /// <summary>The outbox items for the posts a request produced, due at once.</summary>
    public static IReadOnlyList<OutboxItem> For(
        string requestId, IReadOnlyList<ChannelPost> posts, string? incidentId, DateTimeOffset now) =>
        posts.Select((post, index) => new OutboxItem
        {
            Id = MakeId(post.Channel, requestId, index),
            Post = post,
            IncidentId = incidentId,
            EnqueuedAt = now,
            NextAttemptAt = now,
        }).ToArray();
}
