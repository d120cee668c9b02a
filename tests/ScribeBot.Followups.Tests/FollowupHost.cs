using Microsoft.Extensions.Logging;

namespace ScribeBot.Followups.Tests;

/// <summary>The real host with follow-ups pointed at a <see cref="FakeGitHub"/>, and the sandbox channel the tests talk in.</summary>
internal sealed class FollowupHost : IAsyncDisposable
{
    public static readonly ChannelRef Channel = new(ChatPlatform.Web, "sandbox", "payments");
    public static readonly Person Alice = new("U1", "Alice Ng");
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);

    private FollowupHost(ScribeBotApplication app, FakeGitHub github, FakeJira? jira = null, FakeLinear? linear = null)
    {
        App = app;
        GitHub = github;
        Jira = jira;
        Linear = linear;
    }

    /// <summary>The fake Linear, for a host started with <see cref="StartLinearAsync"/>.</summary>
    public FakeLinear? Linear { get; }

    /// <summary>A host whose follow-ups go to Linear team <paramref name="team"/> on a fake Linear that knows <see cref="FakeLinear.Team"/>.</summary>
    public static async Task<FollowupHost> StartLinearAsync(string team = FakeLinear.Team)
    {
        var github = await FakeGitHub.StartAsync();
        var linear = await FakeLinear.StartAsync(FakeLinear.Team);
        var app = new ScribeBotApplication()
            .WithSetting("Followups:Linear:BaseUrl", linear.Endpoint.AbsoluteUri)
            .WithSetting("Followups:Linear:ApiKey", FakeLinear.ApiKey)
            .WithSetting("Followups:Linear:TeamId", team)
            .WithSetting("Followups:Linear:Labels:0", "b6f3a0e2-5c1d-4b8e-9f7a-2d4c6e8a0b1c")
            .WithSetting("Followups:People:0:Name", "Bo")
            .WithSetting("Followups:People:0:Linear", "2f1c9d4e-8a7b-4c3d-9e6f-1a2b3c4d5e6f")
            .WithSetting("Scribe:PublicBaseUrl", "https://scribe.example/");
        await app.StartKestrelAsync();
        return new FollowupHost(app, github, linear: linear);
    }

    /// <summary>The fake Jira, for a host started with <see cref="StartJiraAsync"/>.</summary>
    public FakeJira? Jira { get; }

    /// <summary>
    /// A host whose follow-ups go to Jira project <paramref name="project"/> on a fake Jira that knows only <c>OPS</c>
    /// (GitHub stays unconfigured), on <paramref name="clock"/> (null: the system's), its logs kept by <paramref name="logs"/>.
    /// </summary>
    public static async Task<FollowupHost> StartJiraAsync(string project = "OPS", TimeProvider? clock = null, ILoggerProvider? logs = null)
    {
        var github = await FakeGitHub.StartAsync();
        var jira = await FakeJira.StartAsync("OPS");
        var app = new ScribeBotApplication()
            .WithSetting("Followups:Tracker", "jira")
            .WithSetting("Followups:Jira:BaseUrl", jira.Root.AbsoluteUri)
            .WithSetting("Followups:Jira:Email", FakeJira.Email)
            .WithSetting("Followups:Jira:ApiToken", FakeJira.ApiToken)
            .WithSetting("Followups:Jira:Project", project)
            .WithSetting("Followups:People:0:Name", "Bo")
            .WithSetting("Followups:People:0:Jira", "5b109f2e9729b51b54dc274d")
            .WithSetting("Scribe:PublicBaseUrl", "https://scribe.example/");
        if (clock is not null)
        {
            app.WithClock(clock);
        }

        if (logs is not null)
        {
            app.WithLogs(logs);
        }

        await app.StartKestrelAsync();
        return new FollowupHost(app, github, jira);
    }

    public ScribeBotApplication App { get; }

    public FakeGitHub GitHub { get; }

    /// <summary>A host whose follow-ups go to <paramref name="repository"/> on the fake (which knows only <c>octo/app</c>).</summary>
    public static Task<FollowupHost> StartAsync(string repository = "octo/app", params (string Key, string Value)[] settings) =>
        StartAsync(null, repository, settings);

    /// <summary>As <see cref="StartAsync(string, ValueTuple{string, string}[])"/>, on <paramref name="clock"/> (null: the system's; a test's clock moves time).</summary>
    public static async Task<FollowupHost> StartAsync(TimeProvider? clock, string repository = "octo/app", params (string Key, string Value)[] settings)
    {
        var github = await FakeGitHub.StartAsync("octo/app");
        var app = new ScribeBotApplication()
            .WithSetting("Followups:GitHub:Token", FakeGitHub.Token)
            .WithSetting("Followups:GitHub:Repository", repository)
            .WithSetting("Followups:GitHub:BaseUrl", github.Root.AbsoluteUri)
            .WithSetting("Followups:People:0:Name", "Bo")
            .WithSetting("Followups:People:0:GitHub", "bo-chen")
            .WithSetting("Scribe:PublicBaseUrl", "https://scribe.example/");
        foreach (var (key, value) in settings)
        {
            app.WithSetting(key, value);
        }

        if (clock is not null)
        {
            app.WithClock(clock);
        }

        await app.StartKestrelAsync();
        return new FollowupHost(app, github);
    }

    public Task<CommandOutcome> RunAsync(string text, int minute = 1) => App.RunAsync(Channel, Alice, text, T0.AddMinutes(minute));

    public async Task<Incident> IncidentAsync() => (await App.Store.FindLatestIncidentAsync(Channel, CancellationToken.None))!;

    /// <summary>Starts an incident and adds <paramref name="tasks"/> to it, a minute apart.</summary>
    public async Task<Incident> StartIncidentAsync(params string[] tasks)
    {
        await RunAsync("start Checkout returns 502 sev2", 0);
        for (var i = 0; i < tasks.Length; i++)
        {
            await RunAsync("todo " + tasks[i], i + 1);
        }

        return await IncidentAsync();
    }

    /// <summary>Starts an incident, adds <paramref name="tasks"/>, runs <c>followups</c> and waits until every task has its issue.</summary>
    public async Task<Incident> LinkTasksAsync(params string[] tasks) => (await QueueFollowupsAsync(tasks)).Incident;

    /// <summary>As <see cref="LinkTasksAsync"/>, also giving the answer to <c>followups</c>.</summary>
    public async Task<(CommandOutcome Queued, Incident Incident)> QueueFollowupsAsync(params string[] tasks)
    {
        await StartIncidentAsync(tasks);
        var queued = await RunAsync("followups", tasks.Length + 1);
        return (queued, await WaitForLinkedAsync(tasks.Length));
    }

    /// <summary>
    /// Starts an incident with the one task <paramref name="task"/> and runs <c>followups</c> against a tracker that
    /// refuses it: the request's outbox item once it settles, and the private notice that answers the caller.
    /// </summary>
    public async Task<(OutboxItem Item, PrivatePost Notice)> RefusedFollowupsAsync(string task)
    {
        await StartIncidentAsync(task);
        await RunAsync("followups", 2);
        var item = await WaitForItemAsync(FollowupItemId(3));
        var report = await App.Outbox.GetAsync(FollowupItemId(3) + "/report/1", CancellationToken.None);
        return (item, Assert.IsType<PrivatePost>(report!.Post));
    }

    /// <summary>
    /// As <see cref="RefusedFollowupsAsync"/>, asserting that the request was given up, that the answer went to the
    /// caller, and that the task is still unlinked: the answer's text.
    /// </summary>
    public async Task<string> RefusedAnswerAsync(string task)
    {
        var (item, notice) = await RefusedFollowupsAsync(task);
        Assert.Equal(OutboxState.Abandoned, item.State);
        Assert.Equal(Alice, notice.Recipient);
        Assert.Null(Assert.Single((await IncidentAsync()).Tasks).Followup);
        return notice.Text.ToPlainString();
    }

    /// <summary>Waits until <paramref name="count"/> tasks of the channel's incident have an issue.</summary>
    public async Task<Incident> WaitForLinkedAsync(int count)
    {
        await FakeGitHub.WaitUntilAsync(async () => (await IncidentAsync()).Tasks.Count(t => t.Followup is not null) >= count, $"{count} linked tasks");
        return await IncidentAsync();
    }

    /// <summary>The outbox item of the follow-ups a command queued (request <c>cmd-N</c>).</summary>
    public static string FollowupItemId(int command) => OutboxItem.MakeId(FollowupLane.Of(Channel), $"cmd-{command}", 0);

    public async Task<OutboxItem> WaitForItemAsync(string id)
    {
        await FakeGitHub.WaitUntilAsync(async () => await App.Outbox.GetAsync(id, CancellationToken.None) is { State: not OutboxState.Pending }, $"outbox item {id} to settle");
        return (await App.Outbox.GetAsync(id, CancellationToken.None))!;
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await GitHub.DisposeAsync();
        if (Jira is not null)
        {
            await Jira.DisposeAsync();
        }

        if (Linear is not null)
        {
            await Linear.DisposeAsync();
        }
    }
}
