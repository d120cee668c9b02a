using Microsoft.Extensions.Options;
using ScribeBot.Core.Commands;
using ScribeBot.Core.Configuration;
using ScribeBot.Core.Outbox;
using ScribeBot.Core.Postmortem.Editing;

namespace ScribeBot.Slack.Tests.Mentions;

/// <summary>
/// The core's command handler and postmortem editor over an in-memory store and a fake clock, reading people in Slack's
/// form as the host does: the bed for the core's tests that name people as <c>&lt;@U1|name&gt;</c> (moved here with that
/// form; same names, members and defaults as the core's CommandTestBed, so they read as they did there).
/// </summary>
internal sealed class SlackCommandBed : IDisposable
{
    public static readonly ChannelRef Channel = new(ChatPlatform.Slack, "T1", "C1");
    public static readonly Person Alice = new("U1", "Alice");
    public static readonly Person Bob = new("U2", "Bob");

    /// <summary>Monday 2026-03-02 14:00 UTC.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);

    private static readonly MentionReader Mentions = new([new SlackMentionSyntax()]);
    private int _requests;

    public SlackCommandBed()
    {
        Handler = new CommandHandler(Store, Store, Signal, Locks, Clock, Options.Create(new ScribeOptions { TimeZone = "UTC" }),
            NullLogger<CommandHandler>.Instance, Mentions);
        Editor = new PostmortemEditor(Store, Signal, Locks, Clock, NullLogger<PostmortemEditor>.Instance, Mentions);
    }

    public FakeTimeProvider Clock { get; } = new(Start);
    public InMemoryIncidentStore Store { get; } = new();
    public OutboxSignal Signal { get; } = new();
    public ChannelLocks Locks { get; } = new();
    public CommandHandler Handler { get; }
    public PostmortemEditor Editor { get; }

    public string LastRequestId => $"req-{_requests}";

    public Task<CommandOutcome> SendAsync(string text, Person? by = null) => Handler.HandleAsync(new CommandRequest
    {
        Channel = Channel,
        Caller = by ?? Alice,
        Text = text,
        At = Clock.GetUtcNow(),
        RequestId = $"req-{Interlocked.Increment(ref _requests)}",
        Permalink = "https://example.slack.com/archives/C1/p1",
    }, CancellationToken.None);

    /// <summary>Sends a command that must succeed.</summary>
    public async Task<CommandOutcome> DoAsync(string text, Person? by = null)
    {
        var outcome = await SendAsync(text, by);
        Assert.True(outcome.Accepted, $"'{text}' was refused: {outcome.Reply}");
        return outcome;
    }

    public Task<CommandOutcome> DoAfterAsync(TimeSpan delay, string text, Person? by = null)
    {
        Clock.Advance(delay);
        return DoAsync(text, by);
    }

    public async Task<Incident> IncidentAsync() =>
        await Store.GetIncidentAsync(Incident.MakeId(Channel, 1), CancellationToken.None) ?? throw new InvalidOperationException("INC-1 does not exist");

    public Task<IReadOnlyList<TimelineEntry>> TimelineAsync() => Store.GetTimelineAsync(Incident.MakeId(Channel, 1), CancellationToken.None);

    public async Task<TimelineEntry> EntryAsync(string requestId) =>
        await Store.GetEntryAsync(Incident.MakeId(Channel, 1), requestId, CancellationToken.None) ?? throw new InvalidOperationException($"no entry {requestId}");

    /// <summary>Every incident and its timeline, as JSON, so "nothing changed" is one string compare.</summary>
    public async Task<string> SnapshotAsync()
    {
        var state = new List<object>();
        foreach (var incident in await Store.ListIncidentsAsync(Channel.WorkspaceKey, DateTimeOffset.MinValue, CancellationToken.None))
        {
            state.Add(new { incident, timeline = await Store.GetTimelineAsync(incident.Id, CancellationToken.None) });
        }

        return JsonSerializer.Serialize(state);
    }

    public void Dispose() => Signal.Dispose();
}
