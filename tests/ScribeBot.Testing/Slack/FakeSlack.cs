namespace ScribeBot.Testing.Slack;

/// <summary>
/// Slack's Web API as a real HTTP server on 127.0.0.1 (Kestrel, port 0). It records every request and answers
/// <c>/api/{method}</c> with scripted responses, else the documented ok shape from the shared fixtures. The upload
/// URL it hands out is <c>/upload/...</c> on the same server (in production another host). Socket Mode too:
/// <c>apps.connections.open</c> hands out <c>ws://.../link/?ticket=N</c> on the same server, and each WebSocket the bot
/// opens there is handed to the test as a <see cref="FakeSocketConnection"/>.
/// <para>
/// An outage (<see cref="BeginOutage"/>) answers every Web API and upload request with one failure, or holds it
/// unanswered, until <see cref="EndOutage"/>. Whatever the fake did not answer with an ok it did not take:
/// <see cref="Delivered"/> lists only the calls it answered ok (or took without answering,
/// <see cref="FakeResponse.PostedButUnanswered"/>).
/// </para>
/// <para>
/// Its channels keep what was posted (<see cref="History"/>): <c>conversations.history</c> and
/// <c>conversations.replies</c> answer from them, paged, unless a test scripted an answer. Files
/// (<see cref="Files"/>) get their own ids and upload URLs, and a completed upload is shared there as Slack shares it.
/// </para>
/// </summary>
public sealed class FakeSlack : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeResponse>> _scripted = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedCall> _calls = new();
    private readonly ConcurrentQueue<RecordedCall> _delivered = new();
    private readonly ConcurrentQueue<RecordedCall> _refused = new();
    private FakeOutage<FakeResponse>? _outage;
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Channel<FakeSocketConnection> _connections = Channel.CreateUnbounded<FakeSocketConnection>();
    private int _tickets;

    private FakeSlack(WebApplication app, Uri root)
    {
        _app = app;
        Root = root;
        History = new FakeSlackHistory(() => Clock);
        Files = new FakeSlackFiles(History);
    }

    /// <summary>Slack's own clock, for the <c>ts</c> of the messages it takes (a test's fake clock, if it has one).</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>The messages the fake's channels hold.</summary>
    public FakeSlackHistory History { get; }

    /// <summary>The files the fake was asked to take, and where they were shared.</summary>
    public FakeSlackFiles Files { get; }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:5123/</c>.</summary>
    public Uri Root { get; }

    /// <summary>What <c>Slack:ApiBaseUrl</c> should be.</summary>
    public Uri ApiBaseUrl => new(Root, "api/");

    /// <summary>Shaped like Slack's: the secret is the path itself (and here a signature in the query too).</summary>
    public Uri UploadUrl => new(Root, $"upload/v1/{UploadSecret}?sig={UploadSecret}-SIG");

    /// <summary>The upload URL handed out for one file: <see cref="UploadUrl"/>, which file in the query.</summary>
    public Uri UploadUrlFor(string fileId) => new(Root, $"upload/v1/{UploadSecret}?sig={UploadSecret}-SIG&file={Uri.EscapeDataString(fileId)}");

    /// <summary>The part of <see cref="UploadUrl"/> that grants the upload: it must never reach a log.</summary>
    public const string UploadSecret = "CwABAAAAXAoAAZuSECRETUPLOAD";

    public IReadOnlyList<RecordedCall> Calls => [.. _calls];

    /// <summary>Calls answered 200 with <c>"ok":true</c> (an upload: 200): what Slack took, in answer order.</summary>
    public IReadOnlyList<RecordedCall> Delivered => [.. _delivered];

    /// <summary>Calls answered with anything but an ok, or held unanswered (counted when they arrive).</summary>
    public IReadOnlyList<RecordedCall> Refused => [.. _refused];

    /// <summary>The next Socket Mode connection the bot opens (in the order they were opened).</summary>
    public async Task<FakeSocketConnection> NextConnectionAsync() => await _connections.Reader.ReadAsync();

    public static async Task<FakeSlack> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        app.UseWebSockets();
        FakeSlack? fake = null;
        app.Run(context => fake!.HandleAsync(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.Single();
        fake = new FakeSlack(app, new Uri(address.TrimEnd('/') + "/"));
        return fake;
    }

    /// <summary>Queues the next answers for a method (<c>chat.postMessage</c>) or <c>upload</c>; then defaults again.</summary>
    public void Enqueue(string method, params FakeResponse[] responses)
    {
        var queue = _scripted.GetOrAdd(method, _ => new ConcurrentQueue<FakeResponse>());
        foreach (var response in responses)
        {
            queue.Enqueue(response);
        }
    }

    public IReadOnlyList<RecordedCall> CallsTo(string method) => [.. Calls.Where(c => c.ApiMethod == method)];

    public IReadOnlyList<RecordedCall> DeliveredTo(string method) => [.. Delivered.Where(c => c.ApiMethod == method)];

    /// <summary>
    /// Once <paramref name="afterPosts"/> more <c>chat.postMessage</c> calls were answered ok (at once, by default),
    /// every Web API and upload request gets <paramref name="answer"/>; with null, Slack goes silent: each request is
    /// accepted and held, never answered, until the client gives up or <see cref="EndOutage"/> drops it. Scripted
    /// answers (<see cref="Enqueue"/>) wait until the outage ends.
    /// </summary>
    public void BeginOutage(FakeResponse? answer, int afterPosts = 0) =>
        Interlocked.Exchange(ref _outage, new FakeOutage<FakeResponse>(answer, DeliveredTo("chat.postMessage").Count + afterPosts))?.End();

    /// <summary>Slack is back: held requests are dropped unanswered (their senders must retry), the rest answered again.</summary>
    public void EndOutage() => Interlocked.Exchange(ref _outage, null)?.End();

    /// <summary>Waits until at least <paramref name="count"/> calls to <paramref name="method"/> were answered ok.</summary>
    public Task<IReadOnlyList<RecordedCall>> WaitForDeliveredAsync(string method, int count, CancellationToken cancellationToken) =>
        WaitForAsync(() => DeliveredTo(method), count, cancellationToken);

    /// <summary>Waits until at least <paramref name="count"/> calls arrived during an outage and were refused or held.</summary>
    public Task<IReadOnlyList<RecordedCall>> WaitForRefusedAsync(int count, CancellationToken cancellationToken) =>
        WaitForAsync(() => Refused, count, cancellationToken);

    /// <summary>
    /// Waits until at least <paramref name="count"/> calls to <paramref name="method"/> arrived (posts made by a
    /// background worker).
    /// </summary>
    public Task<IReadOnlyList<RecordedCall>> WaitForCallsAsync(string method, int count, CancellationToken cancellationToken) =>
        WaitForAsync(() => CallsTo(method), count, cancellationToken);

    /// <summary>Waits until a file named <paramref name="name"/> was shared (<see cref="Files"/>); the shared files then.</summary>
    public Task<IReadOnlyList<FakeSlackFile>> WaitForSharedFileAsync(string name, CancellationToken cancellationToken) =>
        WaitForAsync(() => Files.Shared.Any(f => f.Name == name) ? Files.Shared : [], 1, cancellationToken);

    /// <summary>
    /// Waits until the file named <paramref name="name"/> was shared; its bytes as UTF-8 text. By name, not by call: a
    /// draft's thread may hold a timeline picture too.
    /// </summary>
    public async Task<string> SharedTextAsync(string name, CancellationToken cancellationToken)
    {
        var shared = await WaitForSharedFileAsync(name, cancellationToken);
        return Encoding.UTF8.GetString(shared.First(f => f.Name == name).Bytes ?? []);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (context.WebSockets.IsWebSocketRequest && context.Request.Path.StartsWithSegments("/link", StringComparison.Ordinal))
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var connection = new FakeSocketConnection(socket, context.Request.Query["ticket"].ToString());
            _connections.Writer.TryWrite(connection);
            await connection.RunAsync(context.RequestAborted);
            return;
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var path = context.Request.Path.Value ?? "";
        var method = path.StartsWith("/api/", StringComparison.Ordinal) ? path["/api/".Length..]
            : path.StartsWith("/upload/", StringComparison.Ordinal) ? "upload"
            : path;
        var call = new RecordedCall(
            method,
            context.Request.Method,
            path,
            context.Request.QueryString.Value ?? "",
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            context.Request.ContentType,
            buffer.ToArray(),
            TimeProvider.System.GetUtcNow());
        _calls.Enqueue(call);
        Interlocked.Exchange(ref _arrived, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

        var outage = Volatile.Read(ref _outage) is { } current && DeliveredTo("chat.postMessage").Count >= current.From ? current : null;
        if (outage is { Answer: null })
        {
            Record(_refused, call);
            await outage.HoldAsync(context.RequestAborted);
            context.Abort();
            return;
        }

        var scripted = outage is null && _scripted.TryGetValue(method, out var queue) && queue.TryDequeue(out var next) ? next : null;
        var response = outage?.Answer ?? scripted ?? Default(method, context.Request.Query, call);
        if (method == "chat.postMessage" && ReferenceEquals(response, FakeResponse.PostedButUnanswered))
        {
            // Slack took the post; its answer is lost (the connection hangs, then drops).
            History.AddPost(call.JsonObject(), History.NextTs());
            Record(_delivered, call);
            await HoldAsync(context.RequestAborted);
            context.Abort();
            return;
        }

        if (method == "chat.postMessage" && scripted is not null && response.Status == 200 && IsOk(response.Body))
        {
            // A scripted ok: the message is in the channel under the ts the script gave.
            History.AddPost(call.JsonObject(), JsonNode.Parse(response.Body!)!["ts"]?.GetValue<string>() ?? History.NextTs());
        }

        if (method == "upload" && response.Status == 200)
        {
            Files.Received(context.Request.Query["file"].ToString(), call.Body);
        }
        else if (method == "files.completeUploadExternal" && ((response.Status == 200 && IsOk(response.Body)) || response.Taken))
        {
            Files.Complete(call.JsonObject());
        }

        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (response.Body is not null)
        {
            context.Response.ContentType = response.ContentType;
            await context.Response.WriteAsync(response.Body, Encoding.UTF8);
        }

        Record(response.Status == 200 && (method == "upload" || IsOk(response.Body)) ? _delivered : _refused, call);
    }

    /// <summary>Until <paramref name="calls"/> holds <paramref name="count"/>, woken by each call rather than polling a clock.</summary>
    private async Task<IReadOnlyList<T>> WaitForAsync<T>(Func<IReadOnlyList<T>> calls, int count, CancellationToken cancellationToken)
    {
        while (true)
        {
            var arrived = _arrived.Task;
            var seen = calls();
            if (seen.Count >= count)
            {
                return seen;
            }

            await arrived.WaitAsync(cancellationToken);
        }
    }

    private void Record(ConcurrentQueue<RecordedCall> list, RecordedCall call)
    {
        list.Enqueue(call);
        Interlocked.Exchange(ref _arrived, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    private static bool IsOk(string? body)
    {
        try
        {
            return body is not null && JsonNode.Parse(body) is JsonObject json && json["ok"]?.GetValue<bool>() == true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static async Task HoldAsync(CancellationToken clientGone)
    {
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, clientGone);
        }
        catch (OperationCanceledException)
        {
            // The client gave up, or its host stopped.
        }
    }

    private FakeResponse Default(string method, IQueryCollection query, RecordedCall call)
    {
        switch (method)
        {
            case "chat.postMessage":
                var ts = History.NextTs();
                var message = History.AddPost(call.JsonObject(), ts);
                return FakeResponse.Json(new JsonObject
                {
                    ["ok"] = true, ["channel"] = call.JsonObject()["channel"]?.DeepClone(), ["ts"] = ts, ["message"] = message.DeepClone(),
                }.ToJsonString());
            case "upload":
                return new FakeResponse(200, "OK - 0", ContentType: "text/plain");
            case "files.getUploadURLExternal":
                // The fixture's URL is Slack's host; hand out ours so the second step lands here.
                var body = JsonNode.Parse(Fixtures.Slack.Bytes("webapi_files.getUploadURLExternal_ok.docs.json"))!;
                var fileId = Files.Begin(call.Form());
                body["file_id"] = fileId;
                body["upload_url"] = UploadUrlFor(fileId).AbsoluteUri;
                return FakeResponse.Json(body.ToJsonString());
            case "apps.connections.open":
                // The fixture's URL is Slack's wss host; hand out ours, a new ticket each time as Slack does.
                var link = new UriBuilder(Root) { Scheme = "ws", Path = "/link/", Query = "ticket=" + Interlocked.Increment(ref _tickets) };
                return FakeResponse.Json(new JsonObject { ["ok"] = true, ["url"] = link.Uri.AbsoluteUri }.ToJsonString());
            case "chat.postEphemeral":
                return FakeResponse.Json("""{"ok":true,"message_ts":"1502210682.580145"}""");
            case "conversations.join":
                return FakeResponse.Json("""{"ok":true,"channel":{"id":"C061EG9SL","name":"general","is_member":true}}""");
            case "views.open":
                return FakeResponse.Json("""{"ok":true,"view":{"id":"VMHU10V25","type":"modal"}}""");
            case "auth.test":
                // Slack's documented answer for a bot token (no fixture is published for it).
                return FakeResponse.Json("""{"ok":true,"url":"https://subarachnoid.slack.com/","team":"Subarachnoid Workspace","user":"scribebot","team_id":"T123ABC456","user_id":"UBOT00001","bot_id":"BBOT00001","is_enterprise_install":false}""");
            case "conversations.history":
                return FakeResponse.Json(History.History(query));
            case "conversations.replies":
                return FakeResponse.Json(History.Replies(query));
            case "chat.getPermalink":
                return FakeResponse.Json("""{"ok":true,"channel":"C1H9RESGA","permalink":"https://ghostbusters.slack.com/archives/C1H9RESGA/p135854651500008"}""");
            default:
                var fixture = Path.Combine(Fixtures.Slack.Directory, $"webapi_{method}_ok.docs.json");
                return File.Exists(fixture)
                    ? FakeResponse.Json(File.ReadAllText(fixture))
                    : FakeResponse.Json("""{"ok":false,"error":"unknown_method"}""");
        }
    }
}
