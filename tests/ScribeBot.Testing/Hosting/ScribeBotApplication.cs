using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace ScribeBot.Testing;

/// <summary>
/// The real ScribeBot host for a test, as TodoApi's <c>TodoApplication</c> is for its: <see cref="Program"/> itself, on
/// a data file of its own, with every platform key blank (<see cref="Baseline"/>), so that nothing from the machine's
/// environment or user-secrets reaches a test. A test turns on what it needs before the host starts:
/// <see cref="WithSlack"/>, <see cref="WithTeams"/>, <see cref="WithSignIn"/>, <see cref="WithClock"/>,
/// <see cref="WithSetting"/>. The host runs in memory (<c>CreateClient()</c>: requests without a remote address) or,
/// after <see cref="StartKestrelAsync"/>, on a real socket on 127.0.0.1.
/// </summary>
public sealed partial class ScribeBotApplication : WebApplicationFactory<Program>
{
    /// <summary>
    /// The keys every test starts from: no Slack (Events API, Web API, Socket Mode), no Teams, no dashboard sign-in, no
    /// public address, no pager. Blank rather than absent, so that an environment variable or a user secret cannot fill them.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Baseline = new[]
        {
            "Slack:SigningSecret", "Slack:BotToken", "Slack:AppToken",
            "MicrosoftAppType", "MicrosoftAppId", "MicrosoftAppPassword", "MicrosoftAppTenantId",
            "Dashboard:Oidc:Authority", "Dashboard:Oidc:ClientId", "Dashboard:Oidc:ClientSecret",
            "Scribe:PublicBaseUrl",
            "Alerts:PagerDuty:SigningSecrets", "Alerts:Opsgenie:Token", "Alerts:Alertmanager:Token", "Alerts:Grafana:Token",
            "Followups:GitHub:Token", "Followups:GitHub:Repository",
        }
        .Select(key => KeyValuePair.Create(key, ""))
        // A switch cannot be blank: off.
        .Append(KeyValuePair.Create("Teams:AllowUnauthenticated", "false"))
        .ToDictionary();

    // Three layers, later ones winning: the baseline and the data file; what WithSlack/WithTeams/WithSignIn turn on;
    // what the test sets itself (null there unsets a key).
    private readonly Dictionary<string, string?> _defaults;
    private readonly Dictionary<string, string?> _platforms = [];
    private readonly Dictionary<string, string?> _settings = [];
    private readonly List<Action<IServiceCollection>> _services = [];
    private readonly List<ILoggerProvider> _logs = [];
    private readonly List<Func<Task>> _beforeStart = [];
    private readonly List<IAsyncDisposable> _owned = [];
    private readonly TempDirectory? _ownData;
    private readonly string _dataDirectory;
    private readonly List<HttpClient> _clients = [];
    private Uri? _baseAddress;
    private HttpClient? _client;
    private bool _built;

    /// <param name="data">
    /// The data folder; pass one to restart a host on the same store (the caller deletes it). None: a fresh folder,
    /// deleted with the host.
    /// </param>
    public ScribeBotApplication(TempDirectory? data = null)
    {
        _ownData = data is null ? new TempDirectory() : null;
        _dataDirectory = (data ?? _ownData!).Path;
        DataFile = Path.Combine(_dataDirectory, "scribebot.db");
        _defaults = Baseline.ToDictionary(pair => pair.Key, string? (pair) => pair.Value);
        _defaults["Storage:LiteDb:Path"] = DataFile;
    }

    /// <summary>The LiteDB file the host keeps its incidents in.</summary>
    public string DataFile { get; private set; }

    /// <summary>The host's address on Kestrel (<see cref="StartKestrelAsync"/>): <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseAddress => _baseAddress ?? throw new InvalidOperationException("The host is not on Kestrel: start it with StartKestrelAsync().");

    /// <summary>A client of the host on Kestrel, disposed with the host.</summary>
    public HttpClient Client => _client ??= Track(new HttpClient { BaseAddress = BaseAddress });

    public IIncidentStore Store => Service<IIncidentStore>();

    public IOutboxStore Outbox => Service<IOutboxStore>();

    public T Service<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Sets a configuration key over the baseline and the platforms; null leaves the key unset.</summary>
    public ScribeBotApplication WithSetting(string key, string? value)
    {
        ThrowIfBuilt();
        _settings[key] = value;
        return this;
    }

    public ScribeBotApplication WithSettings(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        foreach (var (key, value) in settings)
        {
            WithSetting(key, value);
        }

        return this;
    }

    /// <summary>The store's file at another path in the data folder, e.g. in a folder the store must create.</summary>
    public ScribeBotApplication WithDataFile(string relativePath)
    {
        DataFile = Path.Combine(_dataDirectory, relativePath);
        return WithSetting("Storage:LiteDb:Path", DataFile);
    }

    /// <summary>Replaces services after the host registered its own (a broken store, a pinned HTTP handler).</summary>
    public ScribeBotApplication WithServices(Action<IServiceCollection> configure)
    {
        ThrowIfBuilt();
        _services.Add(configure);
        return this;
    }

    /// <summary>The host's clock, for pages that say "3 days ago".</summary>
    public ScribeBotApplication WithClock(TimeProvider clock) => WithServices(services => services.AddSingleton(clock));

    /// <summary>Adds a sink to the host's logging.</summary>
    public ScribeBotApplication WithLogs(ILoggerProvider logs)
    {
        ThrowIfBuilt();
        _logs.Add(logs);
        return this;
    }

    /// <summary>
    /// Starts the fakes the host was given to make (<see cref="WithSlack"/>, <see cref="WithTeams"/>), then the host on
    /// Kestrel at 127.0.0.1 on a free port: real sockets, so requests come from loopback.
    /// </summary>
    public async Task<ScribeBotApplication> StartKestrelAsync()
    {
        foreach (var prepare in _beforeStart)
        {
            await prepare();
        }

        _beforeStart.Clear();
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Service<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _baseAddress = new Uri(address.TrimEnd('/') + "/");
        return this;
    }

    /// <summary>
    /// A browser's client of the host on Kestrel: it keeps cookies (antiforgery, a session) and does not follow
    /// redirects. Disposed with the host.
    /// </summary>
    public HttpClient CreateBrowserClient(CookieContainer? cookies = null)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies ?? new CookieContainer() })
        {
            BaseAddress = BaseAddress,
        };
        return Track(client);
    }

    /// <summary>The timeline of the channel's latest incident, asserting there is one.</summary>
    public async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(ChannelRef channel)
    {
        var incident = await Store.FindLatestIncidentAsync(channel, CancellationToken.None);
        Assert.NotNull(incident);
        return await Store.GetTimelineAsync(incident.Id, CancellationToken.None);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (_beforeStart.Count > 0)
        {
            throw new InvalidOperationException("This host makes its fakes as it starts: start it with StartKestrelAsync().");
        }

        _built = true;
        foreach (var (key, value) in Merged())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => _logs.ForEach(logs => logging.AddProvider(logs)));
        builder.ConfigureTestServices(services => _services.ForEach(configure => configure(services)));
    }

    /// <summary>Stops the host; the fakes it made and the data folder it made go with it.</summary>
    public override async ValueTask DisposeAsync()
    {
        _clients.ForEach(client => client.Dispose());
        await base.DisposeAsync();
        foreach (var owned in _owned)
        {
            await owned.DisposeAsync();
        }

        _ownData?.Dispose();
    }

    private Dictionary<string, string> Merged()
    {
        var merged = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in _defaults.Concat(_platforms).Concat(_settings))
        {
            if (value is null)
            {
                merged.Remove(key);
            }
            else
            {
                merged[key] = value;
            }
        }

        return merged;
    }

    /// <summary>Sets what a platform needs, under the test's own settings.</summary>
    private ScribeBotApplication WithPlatformSetting(string key, string? value)
    {
        ThrowIfBuilt();
        _platforms[key] = value;
        return this;
    }

    /// <summary>Runs as the host starts on Kestrel, before anything is configured: a fake the settings point at.</summary>
    private void BeforeStart(Func<Task> prepare)
    {
        ThrowIfBuilt();
        _beforeStart.Add(prepare);
    }

    private HttpClient Track(HttpClient client)
    {
        _clients.Add(client);
        return client;
    }

    /// <summary>A fake the host made: disposed after the host.</summary>
    private T Own<T>(T fake)
        where T : IAsyncDisposable
    {
        _owned.Add(fake);
        return fake;
    }

    private void ThrowIfBuilt()
    {
        if (_built)
        {
            throw new InvalidOperationException("The host is already built: configure it before its first use.");
        }
    }
}
