using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ScribeBot.Slack.Tests.WebApi;

/// <summary>
/// Slack's Web API as a real HTTP server on 127.0.0.1 (Kestrel, port 0). It records every request and answers
/// <c>/api/{method}</c> with scripted responses, else the documented ok shape from the shared fixtures. The upload
/// URL it hands out is <c>/upload/...</c> on the same server (in production another host). Socket Mode too:
/// <c>apps.connections.open</c> hands out <c>ws://.../link/?ticket=N</c> on the same server, and each WebSocket the bot
/// opens there is handed to the test as a <see cref="FakeSocketConnection"/>.
/// </summary>
internal sealed class FakeSlack : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeResponse>> _scripted = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedCall> _calls = new();
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Channel<FakeSocketConnection> _connections = Channel.CreateUnbounded<FakeSocketConnection>();
    private int _tickets;

    private FakeSlack(WebApplication app, Uri root)
    {
        _app = app;
        Root = root;
    }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:5123/</c>.</summary>
    public Uri Root { get; }

    /// <summary>What <c>Slack:ApiBaseUrl</c> should be.</summary>
    public Uri ApiBaseUrl => new(Root, "api/");

    public Uri UploadUrl => new(Root, "upload/v1/ABC123");

    public IReadOnlyList<RecordedCall> Calls => [.. _calls];

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

    /// <summary>
    /// Waits until at least <paramref name="count"/> calls to <paramref name="method"/> arrived (posts made by a
    /// background worker), woken by each call rather than polling a clock.
    /// </summary>
    public async Task<IReadOnlyList<RecordedCall>> WaitForCallsAsync(string method, int count, CancellationToken cancellationToken)
    {
        while (true)
        {
            var arrived = _arrived.Task;
            var calls = CallsTo(method);
            if (calls.Count >= count)
            {
                return calls;
            }

            await arrived.WaitAsync(cancellationToken);
        }
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
        _calls.Enqueue(new RecordedCall(
            method,
            context.Request.Method,
            path,
            context.Request.QueryString.Value ?? "",
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            context.Request.ContentType,
            buffer.ToArray()));
        Interlocked.Exchange(ref _arrived, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

        var response = _scripted.TryGetValue(method, out var queue) && queue.TryDequeue(out var next) ? next : Default(method);
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
    }

    private FakeResponse Default(string method)
    {
        switch (method)
        {
            case "upload":
                return new FakeResponse(200, "OK - 0", ContentType: "text/plain");
            case "files.getUploadURLExternal":
                // The fixture's URL is Slack's host; hand out ours so the second step lands here.
                var body = JsonNode.Parse(Fixtures.Bytes("webapi_files.getUploadURLExternal_ok.docs.json"))!;
                body["upload_url"] = UploadUrl.AbsoluteUri;
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
            case "conversations.history" or "conversations.replies":
                // An empty channel: tests that need earlier marked posts script them.
                return FakeResponse.Json("""{"ok":true,"messages":[],"has_more":false}""");
            case "chat.getPermalink":
                return FakeResponse.Json("""{"ok":true,"channel":"C1H9RESGA","permalink":"https://ghostbusters.slack.com/archives/C1H9RESGA/p135854651500008"}""");
            default:
                var fixture = Path.Combine(Fixtures.Directory, $"webapi_{method}_ok.docs.json");
                return File.Exists(fixture)
                    ? FakeResponse.Json(File.ReadAllText(fixture))
                    : FakeResponse.Json("""{"ok":false,"error":"unknown_method"}""");
        }
    }
}
