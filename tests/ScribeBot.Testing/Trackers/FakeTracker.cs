using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ScribeBot.Testing.Trackers;

/// <summary>
/// What every tracker fake shares: the calls it received (in order), the scripted answers to its next creates
/// (<see cref="FakeCreate"/>: a lost answer or a refusal), the lock over its issues, and its loopback server.
/// </summary>
public abstract class FakeTracker(WebApplication app) : IAsyncDisposable
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

    protected abstract bool IsCreate(FakeGitHubCall call);

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
