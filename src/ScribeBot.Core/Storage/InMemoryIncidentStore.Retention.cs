using ScribeBot.Core.Outbox;

namespace ScribeBot.Core.Storage;

/// <summary>
/// The <see cref="IRetentionStore"/> port in memory: the reference for the contract, not for speed (removing rebuilds
/// the outbox's index and looks at every owned record).
/// </summary>
public sealed partial class InMemoryIncidentStore : IRetentionStore
{
    public Task<RemovedPosts> RemoveFinishedPostsAsync(
        DateTimeOffset deliveredBefore, DateTimeOffset abandonedBefore, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        lock (_lock)
        {
            var expired = _outbox.Where(i => IsExpired(i, deliveredBefore, abandonedBefore)).Take(max).ToArray();
            var states = RemovePostsLocked(expired.Select(i => i.Id).ToHashSet(StringComparer.Ordinal));
            return Task.FromResult(new RemovedPosts(
                expired.Count(i => i.State == OutboxState.Delivered), expired.Count(i => i.State == OutboxState.Abandoned), states));
        }
    }

    public Task<PurgePlan> PlanPurgeAsync(DateTimeOffset declaredBefore, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var before = _incidents.Values.Where(i => i.Declared.At < declaredBefore).ToArray();
            var purged = before.Where(i => !i.IsOpen)
                .OrderBy(i => i.Declared.At).ThenBy(i => i.Id, StringComparer.Ordinal)
                .ToArray();
            var workspaces = before
                .GroupBy(i => i.Channel.WorkspaceKey, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new WorkspacePurge(
                    g.Key,
                    g.Where(i => !i.IsOpen).Aggregate(PurgeTally.None, (sum, i) => sum.Add(TallyLocked(i.Id))),
                    g.Count(i => i.IsOpen)))
                .ToArray();
            return Task.FromResult(new PurgePlan(declaredBefore, purged.Select(i => i.Id).ToArray(), workspaces));
        }
    }

    public Task<PurgeTally> PurgeAsync(IReadOnlyList<string> incidentIds, DateTimeOffset declaredBefore, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var removed = PurgeTally.None;
            foreach (var id in incidentIds.Distinct(StringComparer.Ordinal))
            {
                if (_incidents.GetValueOrDefault(id) is not { IsOpen: false } incident || incident.Declared.At >= declaredBefore)
                {
                    continue;
                }

                var tally = TallyLocked(id);
                _incidents.Remove(id);
                _entriesByIncident.Remove(id);
                RemovePostsLocked(_outbox.Where(i => i.IncidentId == id).Select(i => i.Id).ToHashSet(StringComparer.Ordinal));
                removed = removed.Add(tally);
            }

            // The workspace's last number stays, so a purged incident's number is never given again.
            return Task.FromResult(removed);
        }
    }

    private static bool IsExpired(OutboxItem item, DateTimeOffset deliveredBefore, DateTimeOffset abandonedBefore) => item.State switch
    {
        OutboxState.Delivered => item.DeliveredAt < deliveredBefore,
        OutboxState.Abandoned => item.AbandonedAt < abandonedBefore,
        _ => false,
    };

    private PurgeTally TallyLocked(string incidentId) => new(
        1,
        _entriesByIncident.GetValueOrDefault(incidentId)?.Count ?? 0,
        _outbox.Count(i => i.IncidentId == incidentId));

    /// <summary>Removes the items and the records they own; returns how many records went.</summary>
    private int RemovePostsLocked(HashSet<string> ids)
    {
        if (ids.Count == 0)
        {
            return 0;
        }

        _outbox.RemoveAll(i => ids.Contains(i.Id));
        _outboxIndex.Clear();
        for (var index = 0; index < _outbox.Count; index++)
        {
            _outboxIndex[_outbox[index].Id] = index;
        }

        var owned = _adapterStateOwners.Where(pair => ids.Contains(pair.Value)).Select(pair => pair.Key).ToArray();
        foreach (var key in owned)
        {
            _adapterState.Remove(key);
            _adapterStateOwners.Remove(key);
        }

        return owned.Length;
    }
}
