using System.Text.Json;

namespace ScribeBot.Core.Tests.Commands;

/// <summary>A command handler over a real in-memory store and a fake clock, with short ways to drive it.</summary>
internal sealed class CommandTestBed
{
    public static readonly ChannelRef Channel = new(ChatPlatform.Slack, "T1", "C1");
    public static readonly Person Alice = new("U1", "Alice");
    public static readonly Person Bob = new("U2", "Bob");

    /// <summary>Monday 2026-03-02 14:00 UTC.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);

    private int _requests;

    public CommandTestBed(string timeZone = "UTC", DateTimeOffset? now = null)
    {
        Clock = new FakeTimeProvider(now ?? Start);
        Handler = new CommandHandler(
            Store, Store, Signal, Locks, Clock, Options.Create(new ScribeOptions { TimeZone = timeZone }), NullLogger<CommandHandler>.Instance);
    }

    public FakeTimeProvider Clock { get; }
    public InMemoryIncidentStore Store { get; } = new();
    public OutboxSignal Signal { get; } = new();

    /// <summary>The handler's channel locks, for other writers of the same store (the postmortem editor).</summary>
    public ChannelLocks Locks { get; } = new();
    public CommandHandler Handler { get; }

    /// <summary>Sends <paramref name="text"/> now, from Alice in <see cref="Channel"/>, with a fresh request id.</summary>
    public Task<CommandOutcome> SendAsync(string text, Person? by = null, ChannelRef? channel = null, string? requestId = null) =>
        Handler.HandleAsync(Request(text, by, channel, requestId), CancellationToken.None);

    public CommandRequest Request(string text, Person? by = null, ChannelRef? channel = null, string? requestId = null) => new()
    {
        Channel = channel ?? Channel,
        Caller = by ?? Alice,
        Text = text,
        At = Clock.GetUtcNow(),
        RequestId = requestId ?? $"req-{Interlocked.Increment(ref _requests)}",
        Permalink = "https://example.slack.com/archives/C1/p1",
    };

    /// <summary>Sends a command that must succeed.</summary>
    public async Task<CommandOutcome> DoAsync(string text, Person? by = null, ChannelRef? channel = null, string? requestId = null)
    {
        var outcome = await SendAsync(text, by, channel, requestId);
        Assert.True(outcome.Accepted, $"'{text}' was refused: {outcome.Reply}");
        return outcome;
    }

    /// <summary>Moves the clock on by <paramref name="delay"/>, then sends a command that must succeed.</summary>
    public Task<CommandOutcome> DoAfterAsync(TimeSpan delay, string text, Person? by = null)
    {
        Clock.Advance(delay);
        return DoAsync(text, by);
    }

    public async Task<Incident> IncidentAsync(int number = 1, ChannelRef? channel = null) =>
        await Store.GetIncidentAsync(Incident.MakeId(channel ?? Channel, number), CancellationToken.None)
        ?? throw new InvalidOperationException($"INC-{number} does not exist");

    public Task<IReadOnlyList<TimelineEntry>> TimelineAsync(int number = 1, ChannelRef? channel = null) =>
        Store.GetTimelineAsync(Incident.MakeId(channel ?? Channel, number), CancellationToken.None);

    /// <summary>The entry a command created: it is keyed by the request id.</summary>
    public async Task<TimelineEntry> EntryAsync(string requestId, int number = 1) =>
        await Store.GetEntryAsync(Incident.MakeId(Channel, number), requestId, CancellationToken.None)
        ?? throw new InvalidOperationException($"no entry {requestId}");

    public string LastRequestId => $"req-{_requests}";

    public Task<string> SnapshotAsync() => StoreSnapshot.TakeAsync(Store, Channel.WorkspaceKey);
}

/// <summary>Everything a store holds for a workspace, as indented JSON, so "nothing changed" is one string compare.</summary>
internal static class StoreSnapshot
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static async Task<string> TakeAsync(IIncidentStore store, string workspaceKey)
    {
        var incidents = await store.ListIncidentsAsync(workspaceKey, DateTimeOffset.MinValue, CancellationToken.None);
        var state = new List<object>();
        foreach (var incident in incidents.OrderBy(i => i.Number))
        {
            state.Add(new { incident, timeline = await store.GetTimelineAsync(incident.Id, CancellationToken.None) });
        }

        return JsonSerializer.Serialize(state, Json);
    }
}
