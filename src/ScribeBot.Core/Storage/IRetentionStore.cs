namespace ScribeBot.Core.Storage;

/// <summary>
/// Removing what is never read again. Finished posts go automatically, after their retention period
/// (<see cref="RemoveFinishedPostsAsync"/>, run by the host in small batches); incidents and their timelines are kept
/// until an operator purges them explicitly (<see cref="PlanPurgeAsync"/>, then <see cref="PurgeAsync"/>), and only
/// resolved ones. Whatever goes takes the adapter state its outbox items own with it
/// (<see cref="IAdapterStateStore.SetItemStateAsync"/>), in the same commit. Incident numbers are never reused: the
/// workspace's counter stays.
/// </summary>
public interface IRetentionStore
{
    /// <summary>
    /// Removes at most <paramref name="max"/> outbox items delivered before <paramref name="deliveredBefore"/> or
    /// abandoned before <paramref name="abandonedBefore"/>, with the adapter state they own, in one commit. Pending
    /// items are never removed. Fewer than <paramref name="max"/> removed means none is left to remove.
    /// </summary>
    Task<RemovedPosts> RemoveFinishedPostsAsync(
        DateTimeOffset deliveredBefore, DateTimeOffset abandonedBefore, int max, CancellationToken cancellationToken);

    /// <summary>
    /// What <see cref="PurgeAsync"/> would remove for incidents declared before <paramref name="declaredBefore"/>: the
    /// resolved ones (their ids, and per workspace how many, with how many timeline entries and outbox items), and how
    /// many open ones it leaves. Changes nothing.
    /// </summary>
    Task<PurgePlan> PlanPurgeAsync(DateTimeOffset declaredBefore, CancellationToken cancellationToken);

    /// <summary>
    /// Removes those of <paramref name="incidentIds"/> that are resolved and were declared before
    /// <paramref name="declaredBefore"/> (others are left alone), each with its timeline entries, its outbox items
    /// and the adapter state they own, and its place in every list, in one commit. A channel whose latest incident
    /// goes points at its latest remaining one, or at none.
    /// </summary>
    Task<PurgeTally> PurgeAsync(IReadOnlyList<string> incidentIds, DateTimeOffset declaredBefore, CancellationToken cancellationToken);
}
