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

    public IReadOnlyList<FakeGitHubCall> Calls => [.. _calls];

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
