using Microsoft.Extensions.Logging;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Commands;
using ScribeBot.Core.Followups;
using ScribeBot.Core.Storage;

namespace ScribeBot.Core.Outbox;

/// <summary>
/// Delivers the outbox: takes the due channel heads, hands each to the <see cref="IChannelPoster"/> of its platform and
/// records the result; a transient failure is retried at the platform's Retry-After or with exponential back-off.
/// Sleeps until the next item is due or <see cref="OutboxSignal"/> says something was enqueued. Items for a platform
/// with no poster stay pending, untouched, until an adapter for it is configured.
/// <para>
/// Delivery is at least once: a crash after the platform accepted a post but before it was marked delivered sends it
/// again after the restart (docs/decisions.md, "Outbox"); the posters close that window by checking the channel.
/// </para>
/// <para>
/// Waits and the time an item has been failing are measured on the monotonic clock within the process
/// (<see cref="OutboxSchedule"/>): setting the wall clock back does not stall the outbox, setting it forward does not
/// abandon it.
/// </para>
/// </summary>
public sealed partial class OutboxDispatcher
{
    /// <summary>Channel heads delivered in parallel per round (each is a different channel, so order holds).</summary>
    private const int RoundSize = 32;

    /// <summary>How long to wait after the store itself failed before trying again.</summary>
    private static readonly TimeSpan StoreFailurePause = TimeSpan.FromSeconds(5);

    private readonly IOutboxStore _store;
    private readonly IReadOnlyDictionary<ChatPlatform, IChannelPoster> _posters;
    private readonly ChatPlatform[] _platforms;
    private readonly OutboxSignal _signal;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<OutboxDispatcher> _logger;
    private readonly OutboxSchedule _schedule;
    private readonly FollowupDelivery? _followups;

    public OutboxDispatcher(
        IOutboxStore store,
        IEnumerable<IChannelPoster> posters,
        OutboxSignal signal,
        TimeProvider timeProvider,
        ILogger<OutboxDispatcher> logger,
        FollowupDelivery? followups = null)
    {
        _followups = followups;
        _store = store;
        _posters = posters.Where(p => p.IsConfigured).ToDictionary(p => p.Platform);
        _platforms = [.. _posters.Keys];
        _signal = signal;
        _timeProvider = timeProvider;
        _logger = logger;
        _schedule = new OutboxSchedule(timeProvider);
    }

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled (then returns without throwing).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ReportWaitingAsync(cancellationToken).ConfigureAwait(false);
            while (true)
            {
                TimeSpan wait;
                try
                {
                    wait = await RunRoundAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (StoreUnavailableException exception)
                {
                    // The store logs its outage once; a line every pause would say the same thing again.
                    LogStoreUnavailable(exception.Message, StoreFailurePause);
                    wait = StoreFailurePause;
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    LogStoreFailed(exception);
                    wait = StoreFailurePause;
                }

                if (wait > TimeSpan.Zero || wait == Timeout.InfiniteTimeSpan)
                {
                    await SleepAsync(wait, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: whatever is pending stays in the store for the next start.
        }
    }

    /// <summary>Delivers what is due; returns how long to sleep (zero: go again at once).</summary>
    private async Task<TimeSpan> RunRoundAsync(CancellationToken cancellationToken)
    {
        if (_platforms.Length == 0)
        {
            return Timeout.InfiniteTimeSpan;
        }

        // Every channel head, due or not: which is due is decided here, on the monotonic clock, not by comparing the
        // persisted instants with a wall clock that may have jumped. Heads are one a channel, so this stays small.
        var heads = await _store.GetDueAsync(DateTimeOffset.MaxValue, int.MaxValue, _platforms, cancellationToken).ConfigureAwait(false);
        var lookAgain = _store.LookAgainAfter ?? Timeout.InfiniteTimeSpan;
        if (heads.Count == 0)
        {
            return lookAgain;
        }

        var wallNow = _timeProvider.GetUtcNow();
        var dueIn = heads.Select(head => (Item: head, In: _schedule.DueIn(head, wallNow))).ToArray();
        var due = dueIn.Where(h => h.In <= TimeSpan.Zero).Take(RoundSize).Select(h => h.Item).ToArray();
        if (due.Length > 0)
        {
            await DeliverRoundAsync(due, lookAgain, cancellationToken).ConfigureAwait(false);
            return TimeSpan.Zero;
        }

        var next = dueIn.Min(h => h.In);
        return lookAgain != Timeout.InfiniteTimeSpan && lookAgain < next ? lookAgain : next;
    }

    /// <summary>
    /// Test seam: raised with the wait once the dispatcher's timer is in place: between rounds (with the signal wait),
    /// and while deliveries are in flight on a shared store (the lease renewal's tick).
    /// </summary>
    internal Action<TimeSpan>? Sleeping { get; set; }

    /// <summary>Until the signal, or until <paramref name="wait"/> has passed on the injected clock.</summary>
    private async Task SleepAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var signalled = _signal.WaitAsync(stop.Token);
        var woken = wait == Timeout.InfiniteTimeSpan
            ? signalled
            : Task.WhenAny(signalled, Task.Delay(wait, _timeProvider, stop.Token));
        Sleeping?.Invoke(wait);
        await woken.ConfigureAwait(false);
        // The loser is cancelled, not faulted, so leaving it unobserved raises nothing.
        await stop.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>
    /// Delivers a round's items in parallel. On a shared store the leases of the items still being delivered are
    /// renewed every <paramref name="renewEvery"/>: one slow delivery (a hanging platform, retried parts) must not
    /// outlast its lease and be handed to another instance, which would post it a second time.
    /// </summary>
    private async Task DeliverRoundAsync(OutboxItem[] due, TimeSpan renewEvery, CancellationToken cancellationToken)
    {
        var deliveries = due.Select(item => (item.Id, Delivery: DeliverAsync(item, cancellationToken))).ToArray();
        var all = Task.WhenAll(deliveries.Select(d => d.Delivery));
        if (renewEvery != Timeout.InfiniteTimeSpan)
        {
            using var finished = new CancellationTokenSource();
            while (!all.IsCompleted)
            {
                var tick = Task.Delay(renewEvery, _timeProvider, finished.Token);
                Sleeping?.Invoke(renewEvery);
                if (await Task.WhenAny(all, tick).ConfigureAwait(false) != all)
                {
                    await RenewLeasesAsync([.. deliveries.Where(d => !d.Delivery.IsCompleted).Select(d => d.Id)], cancellationToken).ConfigureAwait(false);
                }
            }

            // The last tick is cancelled, not faulted, so leaving it unobserved raises nothing.
            await finished.CancelAsync().ConfigureAwait(false);
        }

        await all.ConfigureAwait(false);
    }

    private async Task RenewLeasesAsync(string[] ids, CancellationToken cancellationToken)
    {
        if (ids.Length == 0)
        {
            return;
        }

        try
        {
            await _store.RenewLeasesAsync(ids, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || cancellationToken.IsCancellationRequested)
        {
            // The deliveries go on either way (their outcome is recorded when they end); a store outage is the store's
            // own warning, and a lease that does lapse meanwhile is what the posters' "never twice" checks are for.
            LogLeaseRenewalFailed(exception is StoreUnavailableException ? LogLevel.Debug : LogLevel.Warning, ids.Length, exception.Message);
        }
    }

    private async Task DeliverAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        DeliveryResult result;
        try
        {
            // Follow-ups go to a tracker, not to the chat platform (their own lane in the outbox, FollowupLane).
            result = item.Post is FollowupsPost followups
                ? _followups is null
                    ? DeliveryResult.Permanent("Follow-ups are not configured (Followups:GitHub).")
                    : await _followups.DeliverAsync(item, followups, cancellationToken).ConfigureAwait(false)
                : await _posters[item.Channel.Platform].DeliverAsync(item, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A poster bug or an unexpected transport error: retry rather than lose the post, and keep the stack.
            LogPosterThrew(exception, item.Id, item.IncidentId, item.Channel.Key);
            result = DeliveryResult.Retry(null, $"{exception.GetType().Name}: {exception.Message}");
        }

        // The platform has answered: its answer is recorded even when the host is stopping meanwhile. Dropped, a post
        // it accepted would be sent again by the next host, and a Retry-After it gave would be forgotten.
        await RecordAsync(item, result, CancellationToken.None).ConfigureAwait(false);
    }

    private async Task RecordAsync(OutboxItem item, DeliveryResult result, CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        switch (result)
        {
            case DeliveredResult:
                await _store.MarkDeliveredAsync(item.Id, now, cancellationToken).ConfigureAwait(false);
                _schedule.Forget(item.Id);
                LogDelivered(item.Id, item.IncidentId, item.Channel.Key, item.Attempts + 1);
                break;

            case PermanentResult permanent:
                await _store.AbandonAsync(item.Id, permanent.Error, now, cancellationToken).ConfigureAwait(false);
                _schedule.Forget(item.Id);
                LogAbandoned(item.Id, item.IncidentId, item.Channel.Key, item.Attempts + 1, permanent.Error);
                break;

            case RetryResult retry when FailingTooLong(item, now):
                await _store.AbandonAsync(item.Id, retry.Error, now, cancellationToken).ConfigureAwait(false);
                _schedule.Forget(item.Id);
                LogAbandoned(item.Id, item.IncidentId, item.Channel.Key, item.Attempts + 1, $"still failing after {OutboxRetryPolicy.GiveUpAfter}: {retry.Error}");
                break;

            case RetryResult retry:
                var failures = item.Attempts + 1;
                var delay = item.NextRetryDelay(retry.RetryAfter);

                // The persisted instant serves the next process (which caps it, see OutboxSchedule); this one counts the
                // delay on its monotonic clock.
                await _store.RescheduleAsync(item.Id, now + delay, retry.Error, cancellationToken).ConfigureAwait(false);
                _schedule.Rescheduled(item, now, delay);
                LogRetrying(item.Id, item.IncidentId, item.Channel.Key, failures, delay, retry.Error);
                break;

            default:
                throw new InvalidOperationException($"Unknown delivery result {result.GetType().Name}.");
        }
    }

    /// <summary>
    /// Watched failing by this process for <see cref="OutboxRetryPolicy.GiveUpAfter"/> on the monotonic clock, or as old
    /// as that by the age this process can vouch for once it has failed often enough that the wall clock's word counts
    /// (<see cref="OutboxRetryPolicy.AttemptsBeforeWallClockAgeCounts"/>).
    /// </summary>
    private bool FailingTooLong(OutboxItem item, DateTimeOffset now) =>
        _schedule.WatchedFor(item, now) >= OutboxRetryPolicy.GiveUpAfter
        || (item.Attempts + 1 >= OutboxRetryPolicy.AttemptsBeforeWallClockAgeCounts && _schedule.AgeOf(item, now) >= OutboxRetryPolicy.GiveUpAfter);

    private async Task ReportWaitingAsync(CancellationToken cancellationToken)
    {
        var pending = await _store.CountPendingAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (platform, count) in pending)
        {
            if (count > 0 && !_posters.ContainsKey(platform))
            {
                LogWaitingForPlatform(count, platform);
            }
        }
    }
}
