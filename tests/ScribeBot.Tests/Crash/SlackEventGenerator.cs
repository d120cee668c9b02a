using System.Collections.Concurrent;

namespace ScribeBot.Tests.Crash;

/// <summary>
/// Slack as a crash sees it: several connections post signed <c>message</c> events to the host's current life as fast
/// as it answers. A 200 is an acknowledgement (Slack would not deliver that event again). A delivery that fails because
/// the host was killed is delivered again to the next life with <c>X-Slack-Retry-Num</c>, with the same body and
/// <c>event_id</c>, as Slack retries; so the host's dedupe and the store's idempotency are exercised as well.
/// </summary>
internal sealed class SlackEventGenerator : IAsyncDisposable
{
    public const string User = "U0CRASHGEN";
    public const string TextPrefix = "crash generator message ";

    private readonly HostLives _lives;
    private readonly HttpClient _client;
    private readonly JsonNode _template = SlackPayloads.Event("event_message_channel.docs.json", ("event.user", User));
    private readonly long _baseSeconds = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
    private readonly ConcurrentDictionary<string, int> _sent = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _acknowledged = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _unexpected = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task[] _workers;
    private long _lastNumber;
    private int _redeliveries;

    private SlackEventGenerator(HostLives lives, int connections, CancellationToken abort)
    {
        _lives = lives;
        _client = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(5), MaxConnectionsPerServer = connections })
        {
            Timeout = TimeSpan.FromSeconds(20),
        };
        _workers = [.. Enumerable.Range(0, connections).Select(_ => Task.Run(() => RunAsync(abort), abort))];
    }

    /// <summary>Every message ts posted at least once.</summary>
    public HashSet<string> Sent() => _sent.Keys.ToHashSet(StringComparer.Ordinal);

    /// <summary>Every message ts answered with 200.</summary>
    public HashSet<string> Acknowledged() => _acknowledged.Keys.ToHashSet(StringComparer.Ordinal);

    /// <summary>Deliveries sent again after a failed one (with <c>X-Slack-Retry-Num</c>).</summary>
    public int Redeliveries => Volatile.Read(ref _redeliveries);

    /// <summary>Failures on a life that was not being killed: each was retried, but none should happen.</summary>
    public IReadOnlyCollection<string> UnexpectedFailures => [.. _unexpected];

    public static SlackEventGenerator Start(HostLives lives, int connections, CancellationToken abort) => new(lives, connections, abort);

    /// <summary>Stops creating events, then waits until every event sent so far has been acknowledged.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_workers);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Task.WhenAll(_workers);
        }
        catch (OperationCanceledException)
        {
        }

        _client.Dispose();
        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken abort)
    {
        Delivery? pending = null;
        while (true)
        {
            if (pending is null)
            {
                if (_stop.IsCancellationRequested)
                {
                    return;
                }

                pending = NewDelivery();
                _sent[pending.Ts] = 0;
            }

            var life = _lives.Current;
            var failure = await TrySendAsync(life, pending, abort);
            if (failure is null)
            {
                _acknowledged[pending.Ts] = pending.Attempt;
                life.Acknowledged();
                pending = null;
                continue;
            }

            pending.Attempt++;
            Interlocked.Increment(ref _redeliveries);
            if (life.Killed)
            {
                // Slack retries later; here, as soon as the next life listens.
                await _lives.AfterAsync(life).WaitAsync(abort);
            }
            else
            {
                _unexpected.Enqueue($"life {life.Number}, {pending.Ts}: {failure}");
                await Task.Delay(TimeSpan.FromMilliseconds(10), abort);
            }
        }
    }

    private Delivery NewDelivery()
    {
        var number = Interlocked.Increment(ref _lastNumber);
        var ts = string.Create(CultureInfo.InvariantCulture, $"{_baseSeconds + (number / 1_000_000)}.{number % 1_000_000:D6}");
        var body = _template.DeepClone();
        body["event_id"] = "EvCRASH" + number.ToString(CultureInfo.InvariantCulture);
        body["event_time"] = _baseSeconds;
        body["event"]!["ts"] = ts;
        body["event"]!["event_ts"] = ts;
        body["event"]!["text"] = TextPrefix + number.ToString(CultureInfo.InvariantCulture);
        return new Delivery(ts, Encoding.UTF8.GetBytes(body.ToJsonString()));
    }

    /// <summary>Null when the host answered 200; otherwise why not.</summary>
    private async Task<string?> TrySendAsync(HostGeneration life, Delivery delivery, CancellationToken abort)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(life.BaseAddress, "slack/events"))
        {
            Content = new ByteArrayContent(delivery.Body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", SlackPayloads.Sign(timestamp, delivery.Body));
        if (delivery.Attempt > 0)
        {
            request.Headers.Add("X-Slack-Retry-Num", delivery.Attempt.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "connection_failed");
        }

        try
        {
            using var response = await _client.SendAsync(request, abort);
            return response.StatusCode == HttpStatusCode.OK ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (HttpRequestException exception)
        {
            return exception.Message;
        }
        catch (TaskCanceledException) when (!abort.IsCancellationRequested)
        {
            return "timed out";
        }
    }

    private sealed class Delivery(string ts, byte[] body)
    {
        public string Ts { get; } = ts;

        public byte[] Body { get; } = body;

        public int Attempt { get; set; }
    }
}
