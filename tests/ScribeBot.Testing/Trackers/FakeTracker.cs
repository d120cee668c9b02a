using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ScribeBot.Testing.Trackers;

/// <summary>
/// What every tracker fake shares: the calls it received (in order), the scripted answers to its next creates
/// (<see cref="FakeCreate"/>: a lost answer or a refusal) and how they are answered, the issues it keeps by the
/// repository, project or team a test named, the lock over them, and its loopback server.
/// </summary>
/// <param name="places">How the tracker compares the names of the places it keeps issues in.</param>
public abstract class FakeTracker(WebApplication app, StringComparer places) : IAsyncDisposable
{
    private readonly ConcurrentQueue<FakeGitHubCall> _calls = new();
    private readonly ConcurrentQueue<FakeCreate> _scripted = new();

    private readonly TaskCompletionSource _readHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _holdReads;

    public IReadOnlyList<FakeGitHubCall> Calls => [.. _calls];

    /// <summary>Completes when the first state read arrives after <see cref="HoldStateReads"/>.</summary>
    public Task StateReadHeld => _readHeld.Task;

    /// <summary>
    /// Makes every later read of one issue's state hang, a tracker that takes the request and never answers, until the
    /// client gives up (the request is aborted).
    /// </summary>
    public void HoldStateReads() => _holdReads = true;

    /// <summary>The calls that asked to create an issue.</summary>
    public IReadOnlyList<FakeGitHubCall> Creates => [.. _calls.Where(IsCreate)];

    /// <summary>Guards the fake's issues.</summary>
    protected Lock Gate { get; } = new();

    /// <summary>The kept issues, oldest first, by the repository, project or team they were created in.</summary>
    protected ConcurrentDictionary<string, List<JsonObject>> Kept { get; } = new(places);

    /// <summary>The media type the tracker writes on its JSON answers.</summary>
    protected virtual string JsonContentType => "application/json; charset=utf-8";

    /// <summary>The body of the 502 that loses a create's answer: none unless the tracker sends one.</summary>
    protected virtual JsonNode? BadGatewayBody => null;

    /// <summary>The issues kept in <paramref name="place"/> (a repository <c>owner/name</c>, a project, a team), oldest first.</summary>
    public IReadOnlyList<JsonObject> Issues(string place)
    {
        lock (Gate)
        {
            return [.. Kept[place]];
        }
    }

    /// <summary>Scripts how the next creates are answered, in order; after them, creates succeed again.</summary>
    public void NextCreates(params FakeCreate[] answers)
    {
        foreach (var answer in answers)
        {
            _scripted.Enqueue(answer);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Starts a fake on a loopback server, keeping issues in each of <paramref name="places"/>.</summary>
    /// <param name="create">Makes the fake for its server and the server's root address.</param>
    protected static async Task<T> StartAsync<T>(Func<WebApplication, Uri, T> create, IEnumerable<string> places)
        where T : FakeTracker
    {
        T? fake = null;
        var (app, root) = await LoopbackApp.StartAsync(context => fake!.HandleAsync(context));
        fake = create(app, root);
        foreach (var place in places)
        {
            fake.Kept[place] = [];
        }

        return fake;
    }

    protected abstract bool IsCreate(FakeGitHubCall call);

    /// <summary>Answers one request as the tracker would.</summary>
    protected abstract Task HandleAsync(HttpContext context);

    protected async Task JsonAsync(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = JsonContentType;
        await context.Response.WriteAsync(body.ToJsonString());
    }

    /// <summary>Answers a scripted refusal: its status, and its body as written.</summary>
    protected virtual async Task RefuseAsync(HttpContext context, FakeRefusal refusal)
    {
        context.Response.StatusCode = refusal.Status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(refusal.Body);
    }

    /// <summary>
    /// Answers a create whose issue is already kept: the answer lost as <paramref name="script"/> says (a 502 or a
    /// dropped connection), else <paramref name="status"/> with <paramref name="answer"/>.
    /// </summary>
    protected async Task AnswerCreateAsync(HttpContext context, FakeCreate? script, int status, JsonNode answer)
    {
        switch (script?.Loss)
        {
            case FakeLoss.BadGateway when BadGatewayBody is { } body:
                await JsonAsync(context, 502, body);
                return;
            case FakeLoss.BadGateway:
                context.Response.StatusCode = 502;
                return;
            case FakeLoss.DropConnection:
                context.Abort();
                return;
            default:
                await JsonAsync(context, status, answer);
                return;
        }
    }

    /// <summary>For a state read: when reads are held, waits until the client gives up and returns true (nothing to answer).</summary>
    protected async Task<bool> HeldAsync(HttpContext context)
    {
        if (!_holdReads)
        {
            return false;
        }

        _readHeld.TrySetResult();
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up, as it should.
        }

        return true;
    }

    /// <summary>The answer scripted for this create, or null to answer it as the tracker would.</summary>
    protected FakeCreate? NextScript() => _scripted.TryDequeue(out var script) ? script : null;

    /// <summary>Reads <paramref name="request"/> whole and keeps it among <see cref="Calls"/>.</summary>
    protected async Task<FakeGitHubCall> RecordAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        var call = new FakeGitHubCall(request.Method, request.Path.Value ?? "", request.QueryString.Value ?? "", body,
            request.Headers.Authorization.ToString(), request.Headers.Accept.ToString(), request.Headers["X-GitHub-Api-Version"].ToString(),
            request.Headers.UserAgent.ToString());
        _calls.Enqueue(call);
        return call;
    }
}
