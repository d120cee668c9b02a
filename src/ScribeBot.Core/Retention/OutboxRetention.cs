using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScribeBot.Core.Storage;

namespace ScribeBot.Core.Retention;

/// <summary>
/// Removes finished posts once their retention period is over (<see cref="RetentionOptions"/>): delivered and
/// abandoned outbox items, with what their posters recorded about them. It runs off the request path, a minute after
/// start and then every <see cref="RetentionOptions.Interval"/>, in batches of <see cref="RetentionOptions.BatchSize"/>
/// items, each its own store transaction; after each batch it waits as long as the batch took, so retention takes at
/// most about half of the store's writer and a platform's acknowledgement waits behind one batch at most, even while
/// a store that never had retention is cleared for the first time.
/// </summary>
public sealed partial class OutboxRetention(
    IRetentionStore store, IOptions<RetentionOptions> options, TimeProvider timeProvider, ILogger<OutboxRetention> logger)
{
    /// <summary>The first round waits this long, so a start (and what it delivers first) has the store to itself.</summary>
    public static readonly TimeSpan StartDelay = TimeSpan.FromMinutes(1);

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled (then returns without throwing).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(StartDelay, timeProvider, cancellationToken).ConfigureAwait(false);
            using var timer = new PeriodicTimer(options.Value.Interval, timeProvider);
            do
            {
                try
                {
                    await RunRoundAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    LogRoundFailed(exception, options.Value.Interval);
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the next start goes on where this one stopped.
        }
    }

    /// <summary>Removes every post whose retention is over now, batch by batch; returns what went.</summary>
    public async Task<RemovedPosts> RunRoundAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = timeProvider.GetUtcNow();
        var deliveredBefore = now - settings.DeliveredPosts;
        var abandonedBefore = now - settings.AbandonedPosts;
        var roundStarted = timeProvider.GetTimestamp();
        var total = RemovedPosts.None;
        var batches = 0;
        while (true)
        {
            var batchStarted = timeProvider.GetTimestamp();
            var removed = await store.RemoveFinishedPostsAsync(deliveredBefore, abandonedBefore, settings.BatchSize, cancellationToken)
                .ConfigureAwait(false);
            batches++;
            total = total.Add(removed);
            if (removed.Posts < settings.BatchSize)
            {
                break;
            }

            await Task.Delay(timeProvider.GetElapsedTime(batchStarted), timeProvider, cancellationToken).ConfigureAwait(false);
        }

        var elapsed = timeProvider.GetElapsedTime(roundStarted);
        if (total.Posts > 0)
        {
            LogRemoved(total.Delivered, total.Abandoned, total.AdapterStates, deliveredBefore, abandonedBefore, batches, elapsed.TotalMilliseconds);
        }
        else
        {
            LogNothingToRemove(deliveredBefore, abandonedBefore);
        }

        return total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention removed {Delivered} delivered posts (delivered before {DeliveredBefore:O}) " +
        "and {Abandoned} abandoned posts (abandoned before {AbandonedBefore:O}) with {AdapterStates} adapter records they owned, " +
        "in {Batches} batches, {ElapsedMs:0} ms")]
    private partial void LogRemoved(
        int delivered, int abandoned, int adapterStates, DateTimeOffset deliveredBefore, DateTimeOffset abandonedBefore, int batches, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Retention found no post delivered before {DeliveredBefore:O} or abandoned before {AbandonedBefore:O}")]
    private partial void LogNothingToRemove(DateTimeOffset deliveredBefore, DateTimeOffset abandonedBefore);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention failed; it tries again in {Interval}")]
    private partial void LogRoundFailed(Exception exception, TimeSpan interval);
}
