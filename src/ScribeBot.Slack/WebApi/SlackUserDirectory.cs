using ScribeBot.Core.Caching;
using ScribeBot.Slack.Events;

namespace ScribeBot.Slack.WebApi;

/// <summary>
/// Display names from <c>users.info</c>, cached: every captured message names its author, and names rarely change,
/// so one lookup per person per <see cref="Ttl"/> is plenty. A failed lookup (Slack down, rate limited, unknown user)
/// is remembered for <see cref="FailureTtl"/> only: long enough that a burst of messages from people Slack cannot name
/// right now costs one call per person rather than one per message, short enough that names come back soon after Slack.
/// </summary>
internal sealed class SlackUserDirectory : ISlackUserDirectory
{
    public static readonly TimeSpan Ttl = TimeSpan.FromHours(1);

    public static readonly TimeSpan FailureTtl = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The most entries kept. The key comes from the request (any id a signed request names), so the cache is capped
    /// rather than trusted to stay small: past it, expired entries are swept, then arbitrary ones dropped (the people
    /// dropped are asked again). Far more people than a workspace's incidents involve.
    /// </summary>
    internal const int MaxEntries = 20_000;

    private readonly Func<SlackWebApiClient> _client;
    private readonly TimeProvider _time;
    private readonly BoundedCache<(string TeamId, string UserId), Entry> _cache;

    /// <param name="client">
    /// A client per lookup: the typed client is transient so that IHttpClientFactory can rotate its handlers, and
    /// this directory is a singleton.
    /// </param>
    public SlackUserDirectory(Func<SlackWebApiClient> client, TimeProvider time)
    {
        _client = client;
        _time = time;
        _cache = new BoundedCache<(string TeamId, string UserId), Entry>(MaxEntries, isStale: entry => entry.Expires <= _time.GetUtcNow());
    }

    internal int Count => _cache.Count;

    public string? FindCachedDisplayName(string teamId, string userId) =>
        _cache.TryGetValue((teamId, userId), out var cached) && cached.Expires > _time.GetUtcNow() ? cached.Name : null;

    /// <summary>True while a failed lookup of this user is remembered: asking again now would only load a down Slack.</summary>
    public bool RecentlyFailed(string teamId, string userId) =>
        _cache.TryGetValue((teamId, userId), out var cached) && cached.Name is null && cached.Expires > _time.GetUtcNow();

    public void NoteUnanswered(string teamId, string userId)
    {
        if (!_cache.TryGetValue((teamId, userId), out var cached) || cached.Name is null)
        {
            _cache.Set((teamId, userId), new Entry(null, _time.GetUtcNow() + FailureTtl));
        }
    }

    public async ValueTask<string?> FindDisplayNameAsync(string teamId, string userId, CancellationToken cancellationToken)
    {
        var key = (teamId, userId);
        if (_cache.TryGetValue(key, out var cached) && cached.Expires > _time.GetUtcNow())
        {
            return cached.Name;
        }

        var result = await _client().Users.GetDisplayNameAsync(userId, cancellationToken).ConfigureAwait(false);
        if (!result.IsOk || string.IsNullOrWhiteSpace(result.Value))
        {
            // A known name outlives a failure: Slack being down does not make it wrong.
            if (cached?.Name is null)
            {
                _cache.Set(key, new Entry(null, _time.GetUtcNow() + FailureTtl));
            }

            return cached?.Name;
        }

        _cache.Set(key, new Entry(result.Value, _time.GetUtcNow() + Ttl));
        return result.Value;
    }

    /// <summary>A name, or null for a remembered failure.</summary>
    private sealed record Entry(string? Name, DateTimeOffset Expires);
}
