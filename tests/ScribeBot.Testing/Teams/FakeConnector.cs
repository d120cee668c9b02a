namespace ScribeBot.Testing.Teams;

/// <summary>
/// The Bot Connector's conversation API as a real HTTP server on loopback: records every activity the bot sends
/// (<c>POST /v3/conversations/{id}/activities[/{replyToId}]</c>), whole, attachments included, and answers with a new activity id, or with the
/// failures a test queued first. Point an activity's <c>serviceUrl</c> at <see cref="ServiceUrl"/>.
/// <para>
/// An outage (<see cref="BeginOutage"/>) refuses every activity with one status, or holds it unanswered, until
/// <see cref="EndOutage"/>; an activity it did not answer 200 it did not take (it is not in <see cref="Sent"/>).
/// </para>
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpResponse, Task>> _failures = new();
    private readonly List<(int Accepted, Func<HttpResponse, Task> Fail)> _failuresAfter = [];
    private readonly List<SentActivity> _sent = [];
    private readonly List<int> _statuses = [];
    private readonly List<ConnectorAttempt> _attempts = [];
    private TaskCompletionSource _answered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private FakeOutage<Func<HttpResponse, Task>>? _outage;
    private readonly object _gate = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private int _nextId = 1000;

    private FakeConnector(WebApplication app) => _app = app;

    public Uri ServiceUrl { get; private set; } = null!;

    /// <summary>Activities the connector accepted, in arrival order.</summary>
    public IReadOnlyList<SentActivity> Sent
    {
        get
        {
            lock (_gate)
            {
                return [.. _sent];
            }
        }
    }

    /// <summary>The status of every answer given, failures included (<see cref="ConnectorAttempt.Held"/> for none).</summary>
    public IReadOnlyList<int> Statuses
    {
        get
        {
            lock (_gate)
            {
                return [.. _statuses];
            }
        }
    }

    /// <summary>Every activity that arrived, in arrival order, with when (system clock) and how it was answered.</summary>
    public IReadOnlyList<ConnectorAttempt> Attempts
    {
        get
        {
            lock (_gate)
            {
                return [.. _attempts];
            }
        }
    }

    /// <summary>
    /// From the moment <paramref name="fromAccepted"/> activities have been accepted (now, by default), every activity
    /// is refused with <paramref name="status"/> (and <paramref name="retryAfter"/>); with a null status the connector
    /// goes silent: each activity is read and held, never answered, until the client gives up or
    /// <see cref="EndOutage"/> drops it. Queued failures wait until the outage ends.
    /// </summary>
    public void BeginOutage(HttpStatusCode? status, TimeSpan? retryAfter = null, int fromAccepted = 0) =>
        Interlocked.Exchange(ref _outage, new FakeOutage<Func<HttpResponse, Task>>(status is { } code ? Failure(code, retryAfter) : null, fromAccepted))?.End();

    /// <summary>The connector is back: held activities are dropped unanswered (their senders must retry).</summary>
    public void EndOutage() => Interlocked.Exchange(ref _outage, null)?.End();

    /// <summary>Waits until an attempt matching <paramref name="match"/> was answered (or, held, arrived); fails after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<ConnectorAttempt>> WaitForAttemptsAsync(
        Func<ConnectorAttempt, bool> match, int count, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            Task answered;
            lock (_gate)
            {
                answered = _answered.Task;
            }

            var attempts = Attempts;
            if (attempts.Count(match) >= count)
            {
                return attempts;
            }

            try
            {
                await answered.WaitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The connector saw {attempts.Count(match)} matching attempts, expected {count}: {string.Join(", ", attempts)}.");
            }
        }
    }

    public static async Task<FakeConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new FakeConnector(app);
        app.Run(connector.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        connector.ServiceUrl = new Uri(address.TrimEnd('/') + "/");
        return connector;
    }

    /// <summary>The next activity is refused with <paramref name="status"/> (and a Retry-After, if given).</summary>
    public void FailNext(HttpStatusCode status, TimeSpan? retryAfter = null) => _failures.Enqueue(Failure(status, retryAfter));

    /// <summary>The first activity that arrives once <paramref name="accepted"/> were accepted is refused with <paramref name="status"/>.</summary>
    public void FailOnceAfter(int accepted, HttpStatusCode status, TimeSpan? retryAfter = null)
    {
        lock (_gate)
        {
            _failuresAfter.Add((accepted, Failure(status, retryAfter)));
        }
    }

    private static Func<HttpResponse, Task> Failure(HttpStatusCode status, TimeSpan? retryAfter) =>
        async response =>
        {
            response.StatusCode = (int)status;
            if (retryAfter is { } wait)
            {
                response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            response.ContentType = "application/json";
            var code = "Fake" + (int)status;
            await response.WriteAsync($$$"""{"error":{"code":"{{{code}}}","message":"queued failure"}}""");
        };

    /// <summary>Waits until at least <paramref name="count"/> activities were accepted; fails the test after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<SentActivity>> WaitForSentAsync(int count, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        while (Sent.Count < count)
        {
            try
            {
                await _arrived.WaitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The connector received {Sent.Count} activities, expected {count}.");
            }
        }

        return Sent;
    }

    /// <summary>
    /// Waits until an accepted activity's text holds <paramref name="text"/> and returns all accepted so far; each wait
    /// for the next activity fails the test after a minute.
    /// </summary>
    public async Task<IReadOnlyList<SentActivity>> WaitForTextAsync(string text)
    {
        while (true)
        {
            var sent = Sent;
            if (sent.Any(s => s.Text.Contains(text, StringComparison.Ordinal)))
            {
                return sent;
            }

            await WaitForSentAsync(sent.Count + 1, TimeSpan.FromSeconds(60));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _arrived.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        // /v3/conversations/{conversationId}/activities[/{activityId}], each segment escaped by the client.
        var segments = (context.Request.Path.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (context.Request.Method != HttpMethods.Post || segments.Length < 4 || segments[0] != "v3" || segments[1] != "conversations" || segments[3] != "activities")
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var body = await JsonNode.ParseAsync(context.Request.Body);
        var arrivedAt = TimeProvider.System.GetUtcNow();
        Func<HttpResponse, Task>? fail = null;
        FakeOutage<Func<HttpResponse, Task>>? outage;
        lock (_gate)
        {
            outage = _outage is { } current && _sent.Count >= current.From ? current : null;
        }

        if (outage is { Answer: null })
        {
            Answered(arrivedAt, ConnectorAttempt.Held);
            await outage.HoldAsync(context.RequestAborted);
            context.Abort();
            return;
        }

        lock (_gate)
        {
            var index = outage is null ? _failuresAfter.FindIndex(f => f.Accepted == _sent.Count) : -1;
            if (index >= 0)
            {
                fail = _failuresAfter[index].Fail;
                _failuresAfter.RemoveAt(index);
            }
        }

        fail ??= outage?.Answer;
        if (fail is not null || (outage is null && _failures.TryDequeue(out fail)))
        {
            await fail(context.Response);
            Answered(arrivedAt, context.Response.StatusCode);
            return;
        }

        var id = Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var sent = new SentActivity(
            Uri.UnescapeDataString(segments[2]),
            segments.Length > 4 ? Uri.UnescapeDataString(segments[4]) : null,
            body!.AsObject(),
            context.Request.Headers.Authorization.ToString());
        lock (_gate)
        {
            _sent.Add(sent);
        }

        Answered(arrivedAt, StatusCodes.Status200OK);
        _arrived.Release();
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync($$"""{"id":"{{id}}"}""");
    }

    private void Answered(DateTimeOffset arrivedAt, int status)
    {
        TaskCompletionSource answered;
        lock (_gate)
        {
            _statuses.Add(status);
            _attempts.Add(new ConnectorAttempt(arrivedAt, status));
            answered = _answered;
            _answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        answered.TrySetResult();
    }
}

/// <summary>An activity that reached the connector: when (system clock) and the status it was answered with.</summary>
public sealed record ConnectorAttempt(DateTimeOffset ArrivedAt, int Status)
{
    /// <summary>The status of an activity the connector held and never answered.</summary>
    public const int Held = 0;

    public bool Accepted => Status == 200;
}

/// <summary>An activity the bot sent: to which conversation, in reply to which activity, and its JSON.</summary>
public sealed record SentActivity(string ConversationId, string? ReplyToId, JsonObject Activity, string Authorization)
{
    public string Text => (string?)Activity["text"] ?? string.Empty;

    public string? TextFormat => (string?)Activity["textFormat"];

    /// <summary>The activity's attachments as sent (<c>contentType</c>, <c>contentUrl</c>, <c>name</c>...); none: empty.</summary>
    public IReadOnlyList<JsonObject> Attachments => [.. (Activity["attachments"] as JsonArray ?? []).OfType<JsonObject>()];
}
