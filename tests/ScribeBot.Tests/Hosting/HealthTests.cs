namespace ScribeBot.Tests.Hosting;

public sealed class HealthTests
{
    [Fact]
    public async Task Healthz_answers_healthy_once_the_store_is_open_and_its_directory_exists()
    {
        await using var factory = new ScribeBotApplication().WithDataFile(Path.Combine("nested", "scribebot.db"));
        var path = factory.DataFile;
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        Assert.True(File.Exists(path), $"the store should have created {path}");
    }

    [Fact]
    public async Task Healthz_answers_unhealthy_while_the_store_writer_is_stuck_and_healthy_once_it_moves()
    {
        await using var factory = new ScribeBotApplication();
        using var client = factory.CreateClient();
        var store = factory.Services.GetRequiredService<IIncidentStore>();
        using var entered = new ManualResetEventSlim();
        using var gate = new ManualResetEventSlim();

        // A create callback runs on the writer thread: holding it there holds the writer, as a hung disk would.
        var stuck = store.OpenIncidentAsync(new ChannelRef(ChatPlatform.Web, "health", "stuck"), _ =>
        {
            entered.Set();
            gate.Wait();
            throw new InvalidOperationException("released");
        }, CancellationToken.None);
        Assert.True(entered.Wait(TimeSpan.FromSeconds(10)), "the writer never ran the callback");
        using var whileStuck = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        gate.Set();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, whileStuck.StatusCode);
        Assert.Equal("Unhealthy", await whileStuck.Content.ReadAsStringAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => stuck);
        using var after = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Healthz_is_unhealthy_while_writes_fail_though_reads_succeed_and_healthy_once_writes_succeed_again()
    {
        var writes = new FailingWrites();
        await using var factory = new ScribeBotApplication().WithServices(services => services.AddSingleton<IAdapterStateStore>(
            sp => writes.Over((IAdapterStateStore)sp.GetRequiredService<IIncidentStore>())));
        using var client = factory.CreateClient();
        var store = factory.Services.GetRequiredService<IIncidentStore>();

        writes.Failing = true;
        using var whileFailing = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        // Reads still work, as they do on a full disk.
        Assert.Null(await store.GetIncidentAsync("nothing", CancellationToken.None));
        writes.Failing = false;
        using var after = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, whileFailing.StatusCode);
        Assert.Equal("Unhealthy", await whileFailing.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        // The probe really wrote: its heartbeat is in the store.
        Assert.NotNull(await ((IAdapterStateStore)store).GetStateAsync("scribebot:heartbeat", CancellationToken.None));
    }

    [Theory]
    [InlineData("Scribe:TimeZone", "Mars/Olympus", "Scribe:TimeZone is 'Mars/Olympus'")]
    [InlineData("Slack:RequestTimeout", "00:00:00", "Slack:RequestTimeout must be more than zero and at most 00:05:00")]
    [InlineData("Slack:RequestTimeout", "00:10:00", "Slack:RequestTimeout must be more than zero and at most 00:05:00")]
    [InlineData("Teams:ConnectorTimeout", "-00:00:01", "Teams:ConnectorTimeout must be more than zero and at most 00:05:00")]
    [InlineData("Teams:ConnectorTimeout", "00:10:00", "Teams:ConnectorTimeout must be more than zero and at most 00:05:00")]
    public async Task An_invalid_time_zone_or_chat_timeout_stops_the_host_at_start_naming_the_key(string key, string value, string expected)
    {
        var error = await StartupErrors.OfSettingAsync(key, value);

        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    /// <summary>The store's adapter state with a switch that fails every write as a full disk does.</summary>
    private sealed class FailingWrites
    {
        public volatile bool Failing;

        public IAdapterStateStore Over(IAdapterStateStore inner) => new Store(inner, this);

        private sealed class Store(IAdapterStateStore inner, FailingWrites owner) : IAdapterStateStore
        {
            public Task<string?> GetStateAsync(string key, CancellationToken cancellationToken) => inner.GetStateAsync(key, cancellationToken);

            public Task SetStateAsync(string key, string value, CancellationToken cancellationToken) =>
                owner.Failing
                    ? Task.FromException(new IOException("No space left on device"))
                    : inner.SetStateAsync(key, value, cancellationToken);
        }
    }
}
