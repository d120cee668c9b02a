namespace ScribeBot.Tests.Web;

/// <summary>
/// The postmortem editor's world on a host on Kestrel (requests from loopback pass the Dashboard policy): INC-1, seeded
/// by running real commands as Alice, and a browser's client (cookies, no redirects) on its pages. Slack is not
/// configured, so its posts stay in the outbox.
/// </summary>
internal sealed class EditorScenario(ScribeBotApplication host)
{
    public static readonly ChannelRef Channel = new(ChatPlatform.Slack, "T1", "C1");
    public static readonly Person Alice = new("U1", "Alice");

    /// <summary>Monday 2026-03-02 14:00 UTC: commands are sent from here on, a minute apart.</summary>
    private static readonly DateTimeOffset FirstCommandAt = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);

    private int _commands;

    public HttpClient Client { get; } = host.CreateBrowserClient();

    /// <summary>Runs <c>/incident {text}</c> in <see cref="Channel"/> as Alice and asserts it was accepted.</summary>
    public Task<CommandOutcome> RunAsync(string text)
    {
        var n = ++_commands;
        return host.RunAsync(Channel, Alice, text, FirstCommandAt.AddMinutes(n), $"https://example.slack.com/archives/C1/p{n}");
    }

    /// <summary>INC-1: a resolved incident with an action, a root cause, an improvement and an owned task.</summary>
    public async Task<Incident> SeedAsync()
    {
        await RunAsync("start Checkout returns 502 sev2");
        await RunAsync("ack");
        await RunAsync("action rolled back the deploy");
        await RunAsync("detected alert on 5xx rate");
        await RunAsync("impact card payments failed");
        await RunAsync("rootcause connection pool exhausted");
        await RunAsync("improve Alert on pool saturation");
        await RunAsync("todo Raise the pool size @bo");
        await RunAsync("resolve");
        return await IncidentAsync();
    }

    public async Task<Incident> IncidentAsync() =>
        await host.Store.GetIncidentAsync(Incident.MakeId(Channel, 1), CancellationToken.None)
        ?? throw new InvalidOperationException("INC-1 was not seeded");

    public static string EditorPath(string incidentId) => $"incidents/{Uri.EscapeDataString(incidentId)}/postmortem";

    public Task<(HttpStatusCode Status, string Body)> GetAsync(string path) => Client.GetPageAsync(path);

    /// <summary>Opens the editor and reads its two forms as a browser would submit them.</summary>
    public async Task<EditorPage> OpenEditorAsync(string incidentId)
    {
        var (status, body) = await GetAsync(EditorPath(incidentId));
        Assert.Equal(HttpStatusCode.OK, status);
        return EditorPage.Parse(body);
    }

    public Task<HttpResponseMessage> PostFormAsync(string action, IEnumerable<KeyValuePair<string, string>> fields) => Client.PostFormAsync(action, fields);
}
