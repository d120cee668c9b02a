using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScribeBot.Slack.WebApi;

namespace ScribeBot.Slack.Names;

/// <summary>
/// Looks up people's names after their messages were committed and acknowledged, so that acknowledging never waits for
/// <c>users.info</c>. Requests are queued (bounded; a request that does not fit is dropped, and the person's next message
/// or the next render asks again); a few lookups run at once so that one hanging call does not hold the rest. A person
/// Slack could not name is asked again every <see cref="SlackUserDirectory.FailureTtl"/>, at most
/// <see cref="MaxAttempts"/> times, so names arrive once Slack answers again without anyone writing another message.
/// </summary>
internal sealed partial class SlackNameResolver(
    SlackUserDirectory directory,
    SlackPersistedNames persisted,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackNameResolver> logger) : BackgroundService
{
    internal const int MaxQueued = 10_000;
    internal const int Parallelism = 4;

    /// <summary>About 10 minutes of retries at the failure TTL: past an outage that long, the next message or render asks.</summary>
    internal const int MaxAttempts = 40;

    private readonly Channel<(string TeamId, string UserId)> _queue =
        Channel.CreateBounded<(string, string)>(new BoundedChannelOptions(MaxQueued) { FullMode = BoundedChannelFullMode.DropWrite });

    // Queued or in flight: a burst of messages from one person queues one lookup.
    private readonly ConcurrentDictionary<(string TeamId, string UserId), byte> _pending = new();

    // Failed lookups to try again, with the attempts so far; capped like the queue.
    private readonly ConcurrentDictionary<(string TeamId, string UserId), int> _failed = new();

    /// <summary>Asks for the names of <paramref name="userIds"/> that are not known yet. Never waits, never throws.</summary>
    public void Request(string teamId, IEnumerable<string> userIds)
    {
        if (string.IsNullOrWhiteSpace(options.Value.BotToken))
        {
            return;
        }

        foreach (var userId in userIds)
        {
            if (SlackUserIds.IsUserId(userId)
                && directory.FindCachedDisplayName(teamId, userId) is null
                && !directory.RecentlyFailed(teamId, userId))
            {
                Enqueue((teamId, userId));
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retries = RetryFailedAsync(stoppingToken);
        try
        {
            await Parallel.ForEachAsync(
                _queue.Reader.ReadAllAsync(stoppingToken),
                new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = stoppingToken },
                ResolveAsync).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; what was queued is asked again by the next message or render.
        }

        await retries.ConfigureAwait(false);
    }

    private void Enqueue((string TeamId, string UserId) key)
    {
        if (_pending.TryAdd(key, 0) && !_queue.Writer.TryWrite(key))
        {
            _pending.TryRemove(key, out _);
        }
    }

    private async ValueTask ResolveAsync((string TeamId, string UserId) key, CancellationToken cancellationToken)
    {
        try
        {
            var name = await directory.FindDisplayNameAsync(key.TeamId, key.UserId, cancellationToken).ConfigureAwait(false);
            if (name is null)
            {
                var attempts = _failed.TryGetValue(key, out var before) ? before + 1 : 1;
                if (attempts >= MaxAttempts)
                {
                    _failed.TryRemove(key, out _);
                }
                else if (_failed.ContainsKey(key) || _failed.Count < MaxQueued)
                {
                    _failed[key] = attempts;
                }

                return;
            }

            _failed.TryRemove(key, out _);
            await persisted.SaveAsync(key.TeamId, key.UserId, name, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            // A store that cannot save a name must not stop the resolver; the name is still cached in memory.
            LogFailed(logger, key.TeamId, key.UserId, exception);
        }
        finally
        {
            _pending.TryRemove(key, out _);
        }
    }

    private async Task RetryFailedAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(SlackUserDirectory.FailureTtl, time, stoppingToken).ConfigureAwait(false);
                foreach (var key in _failed.Keys)
                {
                    if (!directory.RecentlyFailed(key.TeamId, key.UserId))
                    {
                        Enqueue(key);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack name of {UserId} in {TeamId} could not be kept")]
    private static partial void LogFailed(ILogger logger, string teamId, string userId, Exception exception);
}
