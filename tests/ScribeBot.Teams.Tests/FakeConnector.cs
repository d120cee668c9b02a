using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ScribeBot.Teams.Tests;

/// <summary>
/// The Bot Connector's conversation API as a real HTTP server on loopback: records every activity the bot sends
/// (<c>POST /v3/conversations/{id}/activities[/{replyToId}]</c>) and answers with a new activity id, or with the
/// failures a test queued first. Point an activity's <c>serviceUrl</c> at <see cref="ServiceUrl"/>.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpResponse, Task>> _failures = new();
    private readonly List<(int Accepted, Func<HttpResponse, Task> Fail)> _failuresAfter = [];
    private readonly List<SentActivity> _sent = [];
    private readonly List<int> _statuses = [];
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

    /// <summary>The status of every answer given, failures included.</summary>
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
        Func<HttpResponse, Task>? fail = null;
        lock (_gate)
        {
            var index = _failuresAfter.FindIndex(f => f.Accepted == _sent.Count);
            if (index >= 0)
            {
                fail = _failuresAfter[index].Fail;
                _failuresAfter.RemoveAt(index);
            }
        }

        if (fail is not null || _failures.TryDequeue(out fail))
        {
            await fail(context.Response);
            lock (_gate)
            {
                _statuses.Add(context.Response.StatusCode);
            }

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
            _statuses.Add(StatusCodes.Status200OK);
        }

        _arrived.Release();
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync($$"""{"id":"{{id}}"}""");
    }
}

/// <summary>An activity the bot sent: to which conversation, in reply to which activity, and its JSON.</summary>
public sealed record SentActivity(string ConversationId, string? ReplyToId, JsonObject Activity, string Authorization)
{
    public string Text => (string?)Activity["text"] ?? string.Empty;

    public string? TextFormat => (string?)Activity["textFormat"];
}
