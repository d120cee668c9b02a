using System.Collections.Concurrent;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Incidents;

namespace ScribeBot.Core.Followups;

/// <summary>
/// Follow-up issues' states read from their tracker on demand, so "N of M open" drops when someone closes an issue.
/// Each state is cached for <see cref="CacheFor"/> (a status command must not cost one tracker call per issue every
/// time), and a read that fails or takes longer than <see cref="ReadTimeout"/> keeps the state last known: a tracker
/// outage makes the count stale, never the command slow or failed.
/// </summary>
public sealed class FollowupStates(IFollowupTrackers trackers, TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(3);

    /// <summary>How long the stats wait for all their follow-ups' states, however many there are.</summary>
    public static readonly TimeSpan StatsBudget = TimeSpan.FromSeconds(5);

    /// <summary>Tracker reads the stats make at once: enough to read a period's issues quickly, few enough to stay polite.</summary>
    private const int StatsReadsAtOnce = 4;

    private readonly ConcurrentDictionary<(string Tracker, string Key), (FollowupState State, DateTimeOffset ReadAt)> _cache = new();

    // For ShowAsync: when a read last failed (so a tracker that is down is asked once per CacheFor, not once per page),
    // and the reads in flight (so pages rendered at the same moment share one call per issue).
    private readonly ConcurrentDictionary<(string Tracker, string Key), DateTimeOffset> _failedAt = new();
    private readonly ConcurrentDictionary<(string Tracker, string Key), Lazy<Task<FollowupState?>>> _reading = new();

    /// <summary>
    /// The incident as status, a page or a draft shows it: each link's state as the tracker has it now (not stored: the
    /// state is a reading), or the stored state marked <see cref="FollowupLink.AsLastSeen"/> when the tracker
    /// cannot be read. A failed read is remembered for <see cref="CacheFor"/> too, concurrent callers share one read
    /// per issue, and the links are read together, so a tracker that hangs costs at most <see cref="ReadTimeout"/>.
    /// </summary>
    public async Task<Incident> ShowAsync(Incident incident, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (!incident.Tasks.Concat(incident.RemovedTasks).Any(t => t.Followup is not null))
        {
            return incident;
        }

        var tracker = trackers.For(incident.Channel);
        var tasks = ShowTasksAsync(incident.Tasks, tracker, cancellationToken);
        var removed = ShowTasksAsync(incident.RemovedTasks, tracker, cancellationToken);
        return incident with
        {
            Tasks = await tasks.ConfigureAwait(false),
            RemovedTasks = await removed.ConfigureAwait(false),
        };
    }

    /// <summary>
    /// The state of each of <paramref name="followups"/> now, in order, read as <see cref="ShowAsync"/> reads them (the same
    /// cache, shared reads, a failure remembered for <see cref="CacheFor"/>); null where it is not known: the tracker
    /// refused or failed, the channel no longer uses the link's tracker, or the reads together took longer than
    /// <see cref="StatsBudget"/>. Never the state stored at link time: the stats count what is closed
    /// now, and a guess would be counted as a fact.
    /// </summary>
    public async Task<IReadOnlyList<FollowupState?>> ReadStatesAsync(IReadOnlyList<FollowupMeasure> followups, CancellationToken cancellationToken)
    {
        var states = new FollowupState?[followups.Count];
        if (followups.Count == 0)
        {
            return states;
        }

        using var budget = new CancellationTokenSource(StatsBudget, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        using var slots = new SemaphoreSlim(StatsReadsAtOnce);
        // Each read ends when the budget does: ReadNowAsync stops waiting on the caller's token, and the shared read it
        // joined goes on alone. So the stats wait for no tracker, and nothing is written after the answer.
        await Task.WhenAll(followups.Select(ReadOneAsync)).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return states;

        // Never fails: whatever goes wrong (a throw, the budget's cancellation) leaves this state unknown.
        async Task ReadOneAsync(FollowupMeasure followup, int index)
        {
            try
            {
                await slots.WaitAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                states[index] = (await ReadNowAsync(followup.Link, trackers.For(followup.Channel), linked.Token).ConfigureAwait(false))?.State;
            }
            catch (Exception)
            {
                // Unknown, as said above.
            }
            finally
            {
                slots.Release();
            }
        }
    }

    private async Task<IReadOnlyList<IncidentTask>> ShowTasksAsync(IReadOnlyList<IncidentTask> tasks, IFollowupTracker? tracker, CancellationToken cancellationToken)
    {
        var shown = await Task.WhenAll(tasks.Select(async task => task.Followup is { } link
            ? task with { Followup = await ShowLinkAsync(link, tracker, cancellationToken).ConfigureAwait(false) }
            : task)).ConfigureAwait(false);
        return shown;
    }

    private async Task<FollowupLink> ShowLinkAsync(FollowupLink link, IFollowupTracker? tracker, CancellationToken cancellationToken) =>
        await ReadNowAsync(link, tracker, cancellationToken).ConfigureAwait(false) is { } now
            ? link with { State = now.State, StateReadAt = now.ReadAt }
            : link.LastSeen();

    /// <summary>
    /// The link's state and when it was read: from the cache, else from one read shared by every caller asking at the
    /// same moment; null when it cannot be known now (the link is another tracker's, or a read failed within
    /// <see cref="CacheFor"/>, or this one fails). The caller's token ends its wait, not the shared read.
    /// </summary>
    private async Task<(FollowupState State, DateTimeOffset ReadAt)?> ReadNowAsync(
        FollowupLink link, IFollowupTracker? tracker, CancellationToken cancellationToken)
    {
        var key = (link.Tracker, link.IssueKey);
        var at = time.GetUtcNow();
        if (_cache.TryGetValue(key, out var cached) && at - cached.ReadAt < CacheFor)
        {
            return cached;
        }

        // A link made by another tracker (the channel's setting changed since) cannot be read with this one.
        if (tracker is null || tracker.Tracker != link.Tracker || (_failedAt.TryGetValue(key, out var failed) && at - failed < CacheFor))
        {
            return null;
        }

        var reading = _reading.GetOrAdd(key, k => new Lazy<Task<FollowupState?>>(() => ReadSharedAsync(k, tracker, at)));
        var state = await reading.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        return state is { } now ? (now, at) : null;
    }

    /// <summary>
    /// One read for every caller waiting on it: bounded by its own timeout, not by any one caller's token, and shared
    /// until it ends, not until one caller stops waiting (the stats' budget, a page closed), so a caller that comes
    /// meanwhile joins it rather than asking the tracker again.
    /// </summary>
    private async Task<FollowupState?> ReadSharedAsync((string Tracker, string Key) key, IFollowupTracker tracker, DateTimeOffset at)
    {
        try
        {
            using var timeout = new CancellationTokenSource(ReadTimeout);
            try
            {
                // WaitAsync as well: an adapter that ignores its token must not hold the read, nor everyone joined to it.
                var answer = await tracker.ReadStateAsync(key.Key, timeout.Token).WaitAsync(timeout.Token).ConfigureAwait(false);
                if (answer.Failure is null)
                {
                    _cache[key] = (answer.Value, at);
                    _failedAt.TryRemove(key, out _);
                    return answer.Value;
                }
            }
            catch (Exception)
            {
                // Timed out, or the adapter threw (which the outbox would count as transient): a page or a draft must
                // render whatever the tracker does, so it counts as a failed answer and the stored state stands in.
            }

            _failedAt[key] = at;
            return null;
        }
        finally
        {
            // After the cache or the failure is recorded, so a caller coming next finds one or the other.
            _reading.TryRemove(key, out _);
        }
    }
}
