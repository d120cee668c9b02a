using System.Collections.Concurrent;

namespace ScribeBot.Tests.Storage;

/// <summary>
/// Signed Slack <c>message</c> events spread over two instances as a load balancer spreads them: a third to each, and
/// a third to both at once (a balancer that retried on a slow answer while the first was still being served). A 2xx
/// from either instance acknowledges an event. An event the first instance failed because it was killed is delivered
/// again to the other, with <c>X-Slack-Retry-Num</c>, as Slack retries it; any other failure is unexpected.
/// </summary>
internal sealed class SpreadEventBurst
{
    public const string User = "U0KILLGEN";
    public const string TextPrefix = "kill burst message ";

    private readonly SignedSlackSender _sender;
    private readonly PostgresHostProcess _first;
    private readonly PostgresHostProcess _second;
    private readonly int _count;
    private readonly JsonNode _template = SlackPayloads.Event("event_message_channel.docs.json", ("event.user", User));
    private readonly long _baseSeconds = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() + 1;
    private readonly ConcurrentDictionary<string, string> _acknowledged = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _unexpected = new();
    private readonly TaskCompletionSource _firstReached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int _firstTarget;
    private int _next;
    private int _firstAcks;
    private int _redelivered;
    private volatile bool _firstKilled;

    /// <param name="firstTarget">How many acknowledgements from the first instance complete <see cref="FirstReached"/>.</param>
    public SpreadEventBurst(SignedSlackSender sender, PostgresHostProcess first, PostgresHostProcess second, int count, int firstTarget)
    {
        _sender = sender;
        _first = first;
        _second = second;
        _count = count;
        _firstTarget = firstTarget;
    }

    /// <summary>Completes once the first instance has acknowledged the target number of events.</summary>
    public Task FirstReached => _firstReached.Task;

    /// <summary>Every event's message ts (its id in the timeline), in the order they were numbered.</summary>
    public IReadOnlyList<string> All => [.. Enumerable.Range(1, _count).Select(Ts)];

    /// <summary>Acknowledged events: message ts to the instance that acknowledged it first.</summary>
    public IReadOnlyDictionary<string, string> Acknowledged => _acknowledged;

    public IReadOnlyCollection<string> Unexpected => [.. _unexpected];

    /// <summary>Events the first instance failed when it was killed, delivered again to the second.</summary>
    public int Redelivered => Volatile.Read(ref _redelivered);

    public int FirstAcks => Volatile.Read(ref _firstAcks);

    /// <summary>From now on a failure of the first instance is the kill's doing, and its events go to the second.</summary>
    public void FirstIsBeingKilled() => _firstKilled = true;

    public Task RunAsync(int connections) =>
        Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            for (var number = Interlocked.Increment(ref _next); number <= _count; number = Interlocked.Increment(ref _next))
            {
                await DeliverAsync(number);
            }
        })));

    public static string EventId(int number) => "EvKILL" + number.ToString(CultureInfo.InvariantCulture);

    private string Ts(int number) => string.Create(CultureInfo.InvariantCulture, $"{_baseSeconds}.{number:D6}");

    private async Task DeliverAsync(int number)
    {
        var body = Body(number);
        var ts = Ts(number);
        switch (number % 3)
        {
            case 0:
                if (!await SendAsync(_first, ts, body, 0) && _firstKilled)
                {
                    Interlocked.Increment(ref _redelivered);
                    await SendAsync(_second, ts, body, 1);
                }

                break;
            case 1:
                await SendAsync(_second, ts, body, 0);
                break;
            default:
                var both = await Task.WhenAll(SendAsync(_first, ts, body, 0), SendAsync(_second, ts, body, 0));
                if (!both.Any(ok => ok))
                {
                    _unexpected.Enqueue($"{ts}: neither instance acknowledged it");
                }

                break;
        }
    }

    /// <summary>True on a 2xx; a failure not caused by the kill is noted as unexpected.</summary>
    private async Task<bool> SendAsync(PostgresHostProcess host, string ts, byte[] body, int retry)
    {
        var (status, failure) = await _sender.SendEventAsync(host.Events, body, retry);
        if (status is { } code && (int)code is >= 200 and < 300)
        {
            _acknowledged.TryAdd(ts, host.Name);
            if (host == _first && Interlocked.Increment(ref _firstAcks) == _firstTarget)
            {
                _firstReached.TrySetResult();
            }

            return true;
        }

        if (!(host == _first && _firstKilled))
        {
            _unexpected.Enqueue($"{ts} to {host.Name}: {(status is { } s ? $"HTTP {(int)s}" : failure)}");
        }

        return false;
    }

    private byte[] Body(int number)
    {
        var body = _template.DeepClone();
        var ts = Ts(number);
        body["event_id"] = EventId(number);
        body["event_time"] = _baseSeconds;
        body["event"]!["ts"] = ts;
        body["event"]!["event_ts"] = ts;
        body["event"]!["text"] = TextPrefix + number.ToString(CultureInfo.InvariantCulture);
        return Encoding.UTF8.GetBytes(body.ToJsonString());
    }
}
