using System.Collections.Concurrent;
using ScribeBot.Slack.Events;

namespace ScribeBot.Slack.WebApi;

/// <summary>
/// Display names from <c>users.info</c>, cached: every captured message names its author, and names rarely change,
/// so one lookup per person per <see cref="Ttl"/> is plenty. Only successes are cached, so a failed lookup (Slack
/// down, rate limited, unknown user) is tried again next time and never pins an id in place of a name.
/// </summary>
internal sealed class SlackUserDirectory : ISlackUserDirectory
{
    public static readonly TimeSpan Ttl = TimeSpan.FromHours(1);

    /// <summary>Past this many entries, expired ones are swept on insert so a huge workspace cannot grow it forever.</summary>
    internal const int SweepThreshold = 10_000;

    private readonly Func<SlackWebApiClient> _client;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<(string TeamId, string UserId), Entry> _cache = new();

    /// <param name="client">
    /// A client per lookup: the typed client is transient so that IHttpClientFactory can rotate its handlers, and
    /// this directory is a singleton.
    /// </param>
    public SlackUserDirectory(Func<SlackWebApiClient> client, TimeProvider time)
    {
        _client = client;
        _time = time;
    }

    public async ValueTask<string?> FindDisplayNameAsync(string teamId, string userId, CancellationToken cancellationToken)
    {
        var key = (teamId, userId);
        var now = _time.GetUtcNow();
        if (_cache.TryGetValue(key, out var cached) && cached.Expires > now)
        {
            return cached.Name;
        }

        var result = await _client().GetUserAsync(userId, cancellationToken).ConfigureAwait(false);
        if (!result.IsOk || string.IsNullOrWhiteSpace(result.Value))
        {
            return null;
        }

        if (_cache.Count >= SweepThreshold)
        {
            Sweep(now);
        }

        _cache[key] = new Entry(result.Value, _time.GetUtcNow() + Ttl);
        return result.Value;
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, entry) in _cache)
        {
            if (entry.Expires <= now)
            {
                _cache.TryRemove(key, out _);
            }
        }
    }

    private sealed record Entry(string Name, DateTimeOffset Expires);
}
