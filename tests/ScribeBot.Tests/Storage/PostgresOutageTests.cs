using System.Collections.Concurrent;
using ScribeBot.Slack.Dispatch;
using ScribeBot.Testing.Storage;
using ScribeBot.Tests.Hosting;

namespace ScribeBot.Tests.Storage;

/// <summary>
/// Issue 18, item 4 (first half): PostgreSQL restarted under the real host while Slack keeps sending, and a host started
/// while the database is down. Each test runs a server of its own, since it stops it.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class PostgresOutageTests
{
    /// <summary>Only a bound on a hang: on two shared cores under other suites a burst test can take minutes.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task A_restart_mid_burst_answers_503_meanwhile_keeps_every_acknowledged_event_once_and_recovers_without_a_host_restart()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await using var server = await PostgresServer.StartAsync();
        var logs = new CapturingLoggerProvider();
        await using var host = await new ScribeBotApplication()
            .WithSlack()
            .WithPostgres(await server.CreateDatabaseAsync())
            .WithSetting("Logging:LogLevel:ScribeBot.Core.Outbox", "Debug")
            .WithLogs(logs)
            .StartKestrelAsync();
        await OkAsync(host.PostSlackFormAsync(SlackPayloads.Command("start Checkout returns 502 sev2", "1.pg.start")));
        await host.Slack.WaitForDeliveredAsync("chat.postMessage", 1, timeout.Token);

        // Four senders, one event each at a time, as Slack's deliveries arrive; the test stops and starts the server
        // under them, each step once the answers show the previous one took effect.
        var answers = new ConcurrentDictionary<int, (HttpStatusCode Status, string? RetryAfter)>();
        var next = 0;
        using var stopSending = new CancellationTokenSource();
        var senders = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stopSending.IsCancellationRequested)
            {
                var number = Interlocked.Increment(ref next);
                using var response = await host.PostSlackJsonAsync(Message(number));
                answers[number] = (response.StatusCode, response.Headers.RetryAfter?.ToString());
            }
        })).ToArray();

        await UntilAsync(() => answers.Count(a => a.Value.Status == HttpStatusCode.OK) >= 10, timeout.Token);
        await server.StopAsync();
        await UntilAsync(() => answers.Count(a => a.Value.Status == HttpStatusCode.ServiceUnavailable) >= 10, timeout.Token);
        using (var health = await host.Client.GetAsync(new Uri("healthz", UriKind.Relative), timeout.Token))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        }

        using (var command = await host.PostSlackFormAsync(SlackPayloads.Command("update while the database is down", "1.pg.down")))
        {
            // Slack never resends a slash command: the caller is told, in a 200, that nothing was recorded.
            Assert.Equal(HttpStatusCode.OK, command.StatusCode);
            Assert.Contains(SlackInboundDispatcher.StoreUnavailableReply, await command.Content.ReadAsStringAsync(timeout.Token), StringComparison.Ordinal);
        }

        await UntilAsync(() => logs.Logs.Any(l => l.Message.StartsWith("The outbox store is unavailable", StringComparison.Ordinal)), timeout.Token);
        await server.StartAgainAsync();
        var lastRefused = answers.Where(a => a.Value.Status != HttpStatusCode.OK).Max(a => a.Key);
        await UntilAsync(() => answers.Count(a => a.Key > lastRefused && a.Value.Status == HttpStatusCode.OK) >= 10, timeout.Token);
        await stopSending.CancelAsync();
        await Task.WhenAll(senders);

        var refused = answers.Where(a => a.Value.Status != HttpStatusCode.OK).ToArray();
        Assert.All(refused, a => Assert.Equal((HttpStatusCode.ServiceUnavailable, "5"), a.Value));
        var acknowledged = answers.Where(a => a.Value.Status == HttpStatusCode.OK).Select(a => a.Key).ToHashSet();
        var stored = (await host.TimelineAsync(SlackPayloads.Channel)).Where(e => e.Text.StartsWith("burst ", StringComparison.Ordinal))
            .Select(e => int.Parse(e.Text["burst ".Length..], CultureInfo.InvariantCulture)).ToList();
        // Every acknowledged event is stored, once; a refused one may be stored too (a commit cut off by the shutdown
        // may have landed), which Slack's redelivery then finds.
        Assert.Subset(stored.ToHashSet(), acknowledged);
        Assert.Equal(stored.Count, stored.Distinct().Count());

        // Slack's redeliveries of the refused events are taken now, and the timeline then has each event once.
        foreach (var (number, _) in refused)
        {
            await OkAsync(host.PostSlackJsonAsync(Message(number), retry: 1));
        }

        var final = (await host.TimelineAsync(SlackPayloads.Channel)).Where(e => e.Text.StartsWith("burst ", StringComparison.Ordinal)).ToList();
        Assert.Equal(answers.Count, final.Count);
        Assert.Equal(answers.Count, final.Select(e => e.Text).Distinct().Count());

        // The outbox loop lived through it: a post made now is delivered without a restart, and /healthz is back.
        await OkAsync(host.PostSlackFormAsync(SlackPayloads.Command("update the database is back", "1.pg.back")));
        await UntilAsync(
            () => host.Slack.DeliveredTo("chat.postMessage").Any(c => Encoding.UTF8.GetString(c.Body).Contains("the database is back", StringComparison.Ordinal)),
            timeout.Token);
        Assert.Equal("Healthy", await host.Client.GetStringAsync(new Uri("healthz", UriKind.Relative), timeout.Token));
        Assert.Single(logs.Logs, l => l.Message.Contains("is unavailable: ", StringComparison.Ordinal) && l.Level == LogLevel.Warning);
        // No error and no stack trace per request: /healthz's own Unhealthy line aside, the outage is the one warning.
        Assert.DoesNotContain(logs.Logs, l => l.Level >= LogLevel.Error && !l.Category.StartsWith("Microsoft.Extensions.Diagnostics.HealthChecks", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Teams_gets_503_while_the_database_is_down_and_its_redelivery_is_stored_once_after()
    {
        await using var server = await PostgresServer.StartAsync();
        await using var host = await new ScribeBotApplication()
            .WithTeams()
            .WithPostgres(await server.CreateDatabaseAsync())
            .StartKestrelAsync();
        var alice = ("29:alice", "Alice Ng");
        await host.PostActivityOkAsync(TeamsPayloads.ChannelMessage(
            host.ServiceUrl, "1000", "incident start Checkout returns 502 sev2", TeamsPayloads.Start, alice, mentionBot: true));
        var message = TeamsPayloads.ChannelMessage(host.ServiceUrl, "1001", "p99 is through the roof", TeamsPayloads.Start.AddMinutes(1), alice);

        await server.StopAsync();
        using (var refused = await host.PostActivityAsync(message))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("5", refused.Headers.RetryAfter?.ToString());
        }

        await server.StartAgainAsync();
        // Teams delivers again: taken now, without a restart of the host; a duplicate after it changes nothing.
        await host.PostActivityOkAsync(message);
        await host.PostActivityOkAsync(message);
        Assert.Single(await host.TimelineAsync(TeamsPayloads.Channel), e => e.Text == "p99 is through the roof");
    }

    [Fact]
    public async Task A_host_started_while_the_database_is_down_exits_6_with_one_line_naming_the_server_and_no_password()
    {
        using var timeout = new CancellationTokenSource(Patience);
        var port = FreePort();
        using var host = HostProcess.Start(
            ["--urls", "http://127.0.0.1:0"],
            workingDirectory: Path.GetTempPath(),
            new Dictionary<string, string>
            {
                ["Storage__Provider"] = "Postgres",
                ["Storage__Postgres__ConnectionString"] = $"Host=127.0.0.1;Port={port};Database=scribebot;Username=scribebot;Password=s3cret-pw",
                ["Storage__Postgres__StartupTimeout"] = "00:00:02",
                ["Slack__SigningSecret"] = "",
                ["Slack__BotToken"] = "",
                ["Slack__AppToken"] = "",
                ["MicrosoftAppId"] = "",
            });

        var exitCode = await host.WaitForExitAsync(timeout.Token);

        var output = host.OutputSoFar();
        Assert.Equal(ScribeBot.Hosting.StartupFailure.DatabaseUnreachable, exitCode);
        Assert.Matches(CannotStart(port), output);
        Assert.True(Regex.Count(output, @"not reachable \(attempt \d+\)") >= 2, output);
        Assert.DoesNotContain("s3cret-pw", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_started_before_its_database_is_up_starts_once_the_database_comes()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await using var server = await PostgresServer.StartAsync();
        var database = await server.CreateDatabaseAsync();
        await server.StopAsync();
        var logs = new CapturingLoggerProvider();
        await using var host = new ScribeBotApplication()
            .WithSlack()
            .WithPostgres(database)
            .WithSetting("Storage:Postgres:StartupTimeout", "00:02:00")
            .WithLogs(logs);

        var starting = Task.Run(host.StartKestrelAsync);
        await UntilAsync(() => logs.Logs.Any(l => l.Message.Contains("not reachable (attempt 1)", StringComparison.Ordinal)), timeout.Token);
        Assert.False(starting.IsCompleted);
        await server.StartAgainAsync();
        await starting.WaitAsync(timeout.Token);

        await OkAsync(host.PostSlackFormAsync(SlackPayloads.Command("start Checkout returns 502 sev2", "1.late.start")));
        Assert.Equal("Healthy", await host.Client.GetStringAsync(new Uri("healthz", UriKind.Relative), timeout.Token));
    }

    /// <summary>The test's second, in Slack's ts: every message of the burst is sent after the incident opened.</summary>
    private readonly long _second = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() + 1;

    private JsonNode Message(int number)
    {
        // One ts per number, so a redelivery is the same message.
        var ts = string.Create(CultureInfo.InvariantCulture, $"{_second}.{number:D6}");
        return SlackPayloads.Event("event_message_channel.docs.json",
            ("event_id", "EvPG" + number.ToString(CultureInfo.InvariantCulture)), ("event.ts", ts), ("event.event_ts", ts),
            ("event.text", "burst " + number.ToString(CultureInfo.InvariantCulture)), ("event.user", "U123ABC456"));
    }

    private static async Task OkAsync(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Polls <paramref name="condition"/> until it holds or the test's deadline passes.</summary>
    private static async Task UntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(20, cancellationToken);
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Regex CannotStart(int port) => new(
        $@"ScribeBot cannot start: PostgreSQL at 127\.0\.0\.1:{port}/scribebot could not be reached within 00:00:02 \(\d+ attempts\): .*Connection refused");
}
