using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ScribeBot.Core.Configuration;
using ScribeBot.Core.Paging;
using ScribeBot.Core.Paging.Routing;
using ScribeBot.Core.Postmortem.Editing;

namespace ScribeBot.Testing.Commands;

/// <summary>
/// The core's command handler and postmortem editor over a real in-memory store and a fake clock, with short ways to
/// drive them. People in command text are read as a typed @name, or through the platforms' syntaxes given as
/// <c>mentions</c> (as the host wires them: the adapters' tests of their mention forms).
/// </summary>
public sealed class CommandTestBed : IDisposable
{
    public static readonly ChannelRef Channel = new(ChatPlatform.Slack, "T1", "C1");
    public static readonly Person Alice = new("U1", "Alice");
    public static readonly Person Bob = new("U2", "Bob");

    /// <summary>Who edits postmortems in the dashboard.</summary>
    public static readonly Person Carol = new("dash:carol", "Carol");

    /// <summary>Monday 2026-03-02 14:00 UTC.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);

    private static readonly JsonSerializerOptions SnapshotJson = new() { WriteIndented = true };

    private int _requests;

    /// <param name="routes">Where pages go (<c>Alerts:Routes</c>); none routes no page.</param>
    public CommandTestBed(
        string timeZone = "UTC", DateTimeOffset? now = null, IEnumerable<IMentionSyntax>? mentions = null, IEnumerable<PageRouteOptions>? routes = null)
    {
        var reader = mentions is null ? null : new MentionReader(mentions);
        Clock = new FakeTimeProvider(now ?? Start);
        var options = Options.Create(new ScribeOptions { TimeZone = timeZone });
        var pending = new PendingPages(Store, Clock);
        Handler = new CommandHandler(Store, Store, Signal, Locks, Clock, options, NullLogger<CommandHandler>.Instance, reader, pending);
        Editor = new PostmortemEditor(Store, Signal, Locks, Clock, NullLogger<PostmortemEditor>.Instance, reader);
        var router = new PageRouter(Options.Create(new PageRoutingOptions { Routes = [.. routes ?? []] }));
        Pages = new PageIntake(router, Store, Store, Signal, Locks, Clock, options, NullLogger<PageIntake>.Instance, pending, new PageHomes(Store));
    }

    /// <summary>The core's intake of pages, over the same store, clock and locks as the commands.</summary>
    public PageIntake Pages { get; }

    /// <summary>The <paramref name="index"/>th post a request put in the outbox for <paramref name="channel"/>, or null.</summary>
    public async Task<ChannelPost?> PostAsync(string requestId, int index = 0, ChannelRef? channel = null) =>
        (await Store.GetAsync(OutboxItem.MakeId(channel ?? Channel, requestId, index), CancellationToken.None))?.Post;

    /// <summary>The text of an announcement a request put in the outbox, or null when there is none.</summary>
    public async Task<string?> AnnouncedAsync(string requestId, int index = 0, ChannelRef? channel = null) =>
        await PostAsync(requestId, index, channel) is AnnouncementPost post ? post.Text.ToPlainString() : null;

    public FakeTimeProvider Clock { get; }
    public InMemoryIncidentStore Store { get; } = new();
    public OutboxSignal Signal { get; } = new();

    /// <summary>The channel locks the handler and the editor share, as in the host.</summary>
    public ChannelLocks Locks { get; } = new();
    public CommandHandler Handler { get; }
    public PostmortemEditor Editor { get; }

    public string LastRequestId => $"req-{_requests}";

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

    /// <summary>INC-1's postmortem draft as it stands, in Markdown.</summary>
    public async Task<string> DraftMarkdownAsync() =>
        ScribeBot.Core.Postmortem.Markdown.PostmortemMarkdown.Render(
            ScribeBot.Core.Postmortem.Building.PostmortemDraft.Build(await IncidentAsync(), await TimelineAsync()));

    /// <summary>The entry a command created: it is keyed by the request id.</summary>
    public async Task<TimelineEntry> EntryAsync(string requestId, int number = 1) =>
        await Store.GetEntryAsync(Incident.MakeId(Channel, number), requestId, CancellationToken.None)
        ?? throw new InvalidOperationException($"no entry {requestId}");

    /// <summary>Everything the store holds for the workspace, as indented JSON, so "nothing changed" is one string compare.</summary>
    public async Task<string> SnapshotAsync()
    {
        var incidents = await Store.ListIncidentsAsync(Channel.WorkspaceKey, DateTimeOffset.MinValue, CancellationToken.None);
        var state = new List<object>();
        foreach (var incident in incidents.OrderBy(i => i.Number))
        {
            state.Add(new { incident, timeline = await Store.GetTimelineAsync(incident.Id, CancellationToken.None) });
        }

        return JsonSerializer.Serialize(state, SnapshotJson);
    }

    // ---- checks ----

    /// <summary>The text of the one post a command made, after checking that it is an announcement.</summary>
    public static string Announced(CommandOutcome outcome) =>
        Assert.IsType<AnnouncementPost>(Assert.Single(outcome.Posts)).Text.ToPlainString();

    public static void AssertEntry(TimelineEntry entry, string text, TimelineTag tag, Person author, DateTimeOffset at)
    {
        Assert.Equal(text, entry.Text);
        Assert.Equal([tag], entry.Tags);
        Assert.Equal(author, entry.Author);
        Assert.Equal(at, entry.At);
        Assert.Equal(EntrySource.Command, entry.Source);
        Assert.False(entry.Deleted);
    }

    /// <summary>Checks the timeline entry the last command created (it is keyed by the request id).</summary>
    public async Task AssertLastEntryAsync(string text, TimelineTag tag, Person author, DateTimeOffset at) =>
        AssertEntry(await EntryAsync(LastRequestId), text, tag, author, at);

    /// <summary>Bob sends <paramref name="command"/>: it is refused with <paramref name="expected"/>, only to him, and the store is unchanged.</summary>
    public async Task AssertRefusedAsync(string command, string expected)
    {
        var before = await SnapshotAsync();

        var outcome = await SendAsync(command, Bob);

        Assert.False(outcome.Accepted, $"'{command}' was accepted");
        Assert.Contains(expected, outcome.Reply.ToPlainString(), StringComparison.Ordinal);
        Assert.Empty(outcome.Posts);
        Assert.Null(outcome.Incident);
        Assert.Equal(before, await SnapshotAsync());
    }

    // ---- postmortems ----

    /// <summary>INC-1, resolved, with a tagged action, a note and a root cause typed in the channel.</summary>
    public async Task<Incident> ResolvedIncidentAsync()
    {
        await DoAsync("start Checkout returns 502 sev2");
        await DoAfterAsync(TimeSpan.FromMinutes(3), "ack", Bob);
        await DoAfterAsync(TimeSpan.FromMinutes(5), "action rolled back the deploy", Bob);
        await DoAsync("note traffic is recovering");
        await DoAsync("rootcause connection pool exhausted");
        await DoAfterAsync(TimeSpan.FromMinutes(20), "resolve");
        Clock.Advance(TimeSpan.FromHours(18));
        return await IncidentAsync();
    }

    /// <summary>Saves <paramref name="edit"/> to INC-1's postmortem, as Carol in the dashboard.</summary>
    public Task<PostmortemEditResult> SaveAsync(PostmortemEdit edit) =>
        Editor.SaveAsync(Incident.MakeId(Channel, 1), edit, Carol, CancellationToken.None);

    /// <summary>INC-1's entries the dashboard wrote.</summary>
    public async Task<IReadOnlyList<TimelineEntry>> HistoryAsync() =>
        (await TimelineAsync()).Where(PostmortemHistory.IsHistory).ToArray();

    public void Dispose() => Signal.Dispose();
}
