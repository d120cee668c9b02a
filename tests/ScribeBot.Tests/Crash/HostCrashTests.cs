using System.Net.Sockets;
using ScribeBot.Testing.Storage;

namespace ScribeBot.Tests.Crash;

/// <summary>
/// Issue 7's crash test: the real host binary takes signed Slack message events from eight connections while it is
/// SIGKILLed at random moments and restarted on the same data file; afterwards every event it acknowledged must be in
/// the incident's timeline exactly once, and nothing else.
/// <para>
/// Run it alone: <c>dotnet test tests/ScribeBot.Tests --filter FullyQualifiedName~HostCrash</c>. Longer, or again with
/// a printed seed: <c>SCRIBEBOT_CRASH_KILLS=50 SCRIBEBOT_CRASH_SEED=1234 dotnet test tests/ScribeBot.Tests --filter FullyQualifiedName~HostCrash</c>.
/// </para>
/// </summary>
public sealed class HostCrashTests(ITestOutputHelper output) : IDisposable
{
    private const int Connections = 8;

    /// <summary>How long one life may take to listen, or to give its first acknowledgement: generous, a bound not a wait.</summary>
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(60);

    private readonly TempDirectory _directory = new();
    private readonly List<HostProcess> _processes = [];

    private string DataFile => _directory.File(Path.Combine("data", "scribebot.db"));

    [Fact]
    public async Task Every_event_acknowledged_before_a_SIGKILL_of_the_host_is_stored_exactly_once()
    {
        var settings = CrashSettings.FromEnvironment();
        var random = new Random(settings.Seed);
        output.WriteLine($"seed {settings.Seed} ({CrashSettings.SeedVariable}), kills {settings.Kills} ({CrashSettings.KillsVariable})");
        Assert.True(settings.Kills >= CrashSettings.DefaultKills, $"{CrashSettings.KillsVariable} must be at least {CrashSettings.DefaultKills}.");
        var started = Stopwatch.GetTimestamp();

        var lives = new HostLives();
        var life = await StartLifeAsync(1);
        lives.Publish(life);
        await OpenIncidentAsync(life);

        using var abort = new CancellationTokenSource();
        var rounds = new List<string>();
        var acksPerKilledLife = new List<int>();
        var listening = new List<TimeSpan>();
        var serving = new List<TimeSpan>();
        long? lastKill = null;
        await using (var generator = SlackEventGenerator.Start(lives, Connections, abort.Token))
        {
            try
            {
                for (var kill = 1; kill <= settings.Kills; kill++)
                {
                    await WithinAsync(life.FirstAck, life, "the first acknowledgement");
                    AddSince(serving, lastKill);
                    var delay = await RandomKillMomentAsync(random);
                    var killedAt = Stopwatch.GetTimestamp();
                    await life.KillAsync(CancellationToken.None);
                    await AssertRefusesAsync(life);
                    var next = await StartLifeAsync(life.Number + 1);
                    var recovery = Stopwatch.GetElapsedTime(killedAt);
                    lastKill = killedAt;
                    listening.Add(recovery);
                    lives.Publish(next);
                    acksPerKilledLife.Add(life.Acks);
                    rounds.Add($"kill {kill}: life {life.Number} (pid {life.Process.Id}) SIGKILLed {delay.TotalMilliseconds:0} ms after its first ack, "
                        + $"having acked {life.Acks}; the next life listened {recovery.TotalMilliseconds:0} ms after the kill");
                    life = next;
                }

                await WithinAsync(life.FirstAck, life, "the first acknowledgement after the last restart");
                AddSince(serving, lastKill);
                await generator.StopAsync().WaitAsync(StepTimeout);
            }
            catch
            {
                await abort.CancelAsync();
                throw;
            }

            // The last life ends like the others: whatever it acknowledged must survive a SIGKILL too.
            await life.KillAsync(CancellationToken.None);
            var elapsed = Stopwatch.GetElapsedTime(started);

            var sent = generator.Sent();
            var acknowledged = generator.Acknowledged();
            foreach (var round in rounds)
            {
                output.WriteLine(round);
            }

            output.WriteLine($"{sent.Count} events sent, {acknowledged.Count} acknowledged ({life.Acks} by the last life), "
                + $"{generator.Redeliveries} redeliveries, {settings.Kills} kills, {elapsed.TotalSeconds:0.0} s");
            output.WriteLine($"recovery, kill to listening: {Spread(listening)}; kill to the next life's first ack: {Spread(serving)}");
            Assert.Empty(generator.UnexpectedFailures);
            Assert.Equal(settings.Kills, acksPerKilledLife.Count);
            Assert.All(acksPerKilledLife, acks => Assert.True(acks > 0, "a life was killed before it acknowledged anything"));
            // Every delivery that failed was retried until acknowledged, so everything sent was acknowledged in the end.
            Assert.Equal(sent.Count, acknowledged.Count);

            var stored = await ReadTimelineAsync();
            var generated = stored.Where(e => e.Author.Id == SlackEventGenerator.User).ToList();
            var duplicates = generated.GroupBy(e => e.MessageId, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"{g.Key} x{g.Count()}").ToList();
            var storedIds = generated.Select(e => e.MessageId).ToHashSet(StringComparer.Ordinal);
            var missing = acknowledged.Where(ts => !storedIds.Contains(ts)).Order(StringComparer.Ordinal).ToList();
            var foreign = storedIds.Where(ts => !sent.Contains(ts)).ToList();
            var others = stored.Where(e => e.Author.Id != SlackEventGenerator.User).ToList();
            output.WriteLine($"stored: {generated.Count} generator entries, {others.Count} other ({string.Join(", ", others.Select(e => e.Text))})");

            Assert.True(missing.Count == 0, $"{missing.Count} acknowledged events lost (seed {settings.Seed}), e.g. {string.Join(", ", missing.Take(10))}");
            Assert.True(duplicates.Count == 0, $"{duplicates.Count} events stored twice (seed {settings.Seed}): {string.Join(", ", duplicates.Take(10))}");
            Assert.True(foreign.Count == 0, $"{foreign.Count} stored events were never sent: {string.Join(", ", foreign.Take(10))}");
            Assert.Equal(acknowledged.Count, generated.Count);
            // Besides the generator's messages, only what `/incident start` itself recorded.
            Assert.Equal(EntrySource.Command, Assert.Single(others).Source);
            Assert.All(generated, e => Assert.Equal(SlackEventGenerator.TextPrefix, e.Text[..SlackEventGenerator.TextPrefix.Length]));
        }
    }

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            process.Dispose();
        }

        _directory.Dispose();
    }

    private static void AddSince(List<TimeSpan> durations, long? start)
    {
        if (start is { } timestamp)
        {
            durations.Add(Stopwatch.GetElapsedTime(timestamp));
        }
    }

    private static string Spread(List<TimeSpan> durations)
    {
        var sorted = durations.Order().ToList();
        return $"min {sorted[0].TotalMilliseconds:0} ms, median {sorted[sorted.Count / 2].TotalMilliseconds:0} ms, max {sorted[^1].TotalMilliseconds:0} ms";
    }

    /// <summary>
    /// The one deliberate wait of this test: a random moment, 20-400 ms into a life that has started acknowledging,
    /// so kills land at different points of the request and commit pipeline. Seeded, so a failing run can be replayed.
    /// </summary>
    private static async Task<TimeSpan> RandomKillMomentAsync(Random random)
    {
        var delay = TimeSpan.FromMilliseconds(random.Next(20, 401));
        await Task.Delay(delay);
        return delay;
    }

    private async Task<HostGeneration> StartLifeAsync(int number)
    {
        var process = HostProcess.Start(
            ["--urls", "http://127.0.0.1:0"],
            workingDirectory: Path.GetTempPath(),
            new Dictionary<string, string>
            {
                ["Storage__LiteDb__Path"] = DataFile,
                ["Slack__SigningSecret"] = SlackPayloads.Secret,
                // No bot token: nothing is posted to Slack. The API URL is a closed loopback port all the same.
                ["Slack__BotToken"] = "",
                ["Slack__AppToken"] = "",
                ["Slack__ApiBaseUrl"] = "http://127.0.0.1:9/api/",
                ["MicrosoftAppId"] = "",
                // Only the start-up lines: per-request logging would slow the host and fill the pipe nobody reads.
                ["Logging__LogLevel__Default"] = "Warning",
                ["Logging__LogLevel__ScribeBot"] = "Information",
            });
        _processes.Add(process);
        using var timeout = new CancellationTokenSource(StepTimeout);
        var listening = await process.WaitForLineAsync(HostProcess.Listening(), timeout.Token);
        return new HostGeneration(number, process, new Uri(listening.Groups["url"].Value + "/"));
    }

    /// <summary>The pid killed was the host itself, not a wrapper around it: nothing listens on its port any more.</summary>
    private static async Task AssertRefusesAsync(HostGeneration life)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var refused = await Assert.ThrowsAsync<SocketException>(async () =>
            await socket.ConnectAsync(IPAddress.Loopback, life.BaseAddress.Port).WaitAsync(StepTimeout));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
    }

    private static async Task OpenIncidentAsync(HostGeneration life)
    {
        var form = SlackPayloads.Command("start Crash test sev2", "1.2.crash");
        var body = Encoding.UTF8.GetBytes(string.Join('&', form.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value))));
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(life.BaseAddress, "slack/events")) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", SlackPayloads.Sign(timestamp, body));
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task WithinAsync(Task task, HostGeneration life, string what)
    {
        try
        {
            await task.WaitAsync(StepTimeout);
        }
        catch (TimeoutException)
        {
            throw new Xunit.Sdk.XunitException(
                $"Life {life.Number} gave no {what} within {StepTimeout.TotalSeconds:0} s (exited: {life.Process.HasExited}). Output:\n{life.Process.OutputSoFar()}");
        }
    }

    private async Task<IReadOnlyList<TimelineEntry>> ReadTimelineAsync()
    {
        await using var services = LiteDbServices.Open(DataFile);
        var store = services.GetRequiredService<IIncidentStore>();
        var incident = await store.FindLatestIncidentAsync(SlackPayloads.Channel, CancellationToken.None);
        Assert.NotNull(incident);
        // One incident: a lost "open incident" after a crash would have sent later messages nowhere or to a second one.
        Assert.Equal(1, incident.Number);
        return await store.GetTimelineAsync(incident.Id, CancellationToken.None);
    }
}
