using System.Collections.Concurrent;
using ScribeBot.Testing.Storage;

namespace ScribeBot.Tests.Storage;

/// <summary>
/// The README's "Run several instances" as an operator sets it up: Debian's nginx, configured with the README's own
/// example (<see cref="NginxProxy"/>), in front of two real host processes on one real PostgreSQL, each run with the
/// settings the README gives (forwarded headers on, dashboard sign-in, the public base URL), and Slack's signed requests
/// sent to nginx under the public host name. A whole incident goes through it and is spread over both instances; one
/// instance stopped mid-incident (SIGTERM, as a deploy or a service manager stops it) costs no request and no message.
/// <para>
/// Run them alone: <c>dotnet test tests/ScribeBot.Tests --filter FullyQualifiedName~NginxTwoHosts</c>. They need
/// Debian's <c>nginx</c> and <c>postgresql</c> packages; without nginx they fail and say how to install it.
/// </para>
/// </summary>
public sealed class NginxTwoHostsTests(PostgresFixture postgres, ITestOutputHelper output) : PostgresDatabaseTest(postgres)
{
    private const string MessagePrefix = "through nginx ";
    private const int Senders = 4;

    /// <summary>A bound on each step, not a wait.</summary>
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_whole_incident_through_the_READMEs_nginx_is_spread_over_both_instances_recorded_once_and_its_draft_posted_once()
    {
        await using var deployment = await Deployment.StartAsync(Database);
        var (nginx, sender) = (deployment.Nginx, deployment.Sender);

        await sender.CommandAsync(nginx.Events, "start Checkout returns 502 sev2", "1.2.nginx-start");
        var messages = Enumerable.Range(1, 12).Select(n => $"{MessagePrefix}{n}").ToList();
        var timestamps = new List<string>();
        foreach (var (text, n) in messages.Select((t, i) => (t, i + 1)))
        {
            timestamps.Add(SlackPayloads.Now(n / 100.0));
            await deployment.SendMessageAsync($"EvNGINX{n:D3}", timestamps[^1], text);
        }

        // Tags by reaction, as responders add them: the detection, the root cause, an action.
        var tags = new[]
        {
            (Message: 2, Emoji: "rotating_light", Tag: "Detection"), (Message: 5, Emoji: "dart", Tag: "RootCause"),
            (Message: 9, Emoji: "hammer_and_wrench", Tag: "Action"),
        };
        foreach (var (message, emoji, _) in tags)
        {
            var body = SlackPayloads.Event(
                "event_reaction_added.docs.json",
                ("event_id", $"EvNGINXTAG{message:D2}"), ("event.reaction", emoji), ("event.item.ts", timestamps[message - 1]),
                ("event.event_ts", SlackPayloads.Now(1)));
            await deployment.SendAsync(body);
        }

        await sender.CommandAsync(nginx.Events, "resolve Rolled back the deploy", "1.2.nginx-resolve");
        var markdown = await deployment.WaitForDraftAsync();

        // Round robin: both instances took the incident's requests, each answered 200 (CommandAsync and SendAsync check).
        IReadOnlyList<ProxiedRequest> logged;
        using (var logging = new CancellationTokenSource(StepTimeout))
        {
            logged = await nginx.RequestsAsync(r => r.Path == "/slack/events", 2 + messages.Count + tags.Length, logging.Token);
        }

        var events = logged.Where(r => r.Method == "POST" && r.Path == "/slack/events").ToList();
        Assert.Equal(2 + messages.Count + tags.Length, events.Count);
        Assert.All(events, r => Assert.Equal(200, r.Status));
        var byInstance = events.GroupBy(r => r.Upstreams[^1]).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine("requests per instance: " + string.Join(", ", byInstance.Select(p => $"{p.Key} {p.Value}")));
        Assert.True(
            deployment.Instances.All(i => byInstance.GetValueOrDefault(i.BaseAddress.Authority) >= events.Count / 3),
            $"Not spread over both instances: {string.Join(", ", byInstance.Select(p => $"{p.Key} {p.Value}"))}");

        Assert.Equal(messages, await deployment.StoredMessagesAsync());
        var tagged = await Sql.QueryAsync(
            deployment.Database,
            $"SELECT doc->>'text', jsonb_array_length(doc->'marks'), doc->'marks'->0->>'tag' FROM entries "
                + $"WHERE doc->>'text' LIKE '{MessagePrefix}%' AND jsonb_array_length(doc->'marks') > 0",
            r => (Text: r.GetString(0), Marks: r.GetInt32(1), Tag: r.GetString(2)));
        Assert.Equal(tags.Select(t => (messages[t.Message - 1], 1, t.Tag)).Order(), tagged.Order());
        // The draft's transcript has every message once, whichever instance took it.
        var transcript = markdown[markdown.IndexOf("## Appendix: Transcript", StringComparison.Ordinal)..].Split('\n');
        Assert.All(messages, text => Assert.Single(transcript, line => line.EndsWith(": " + text, StringComparison.Ordinal)));
        await deployment.AssertDraftPostedOnceAsync();

        // The probe and the dashboard through the same proxy: /healthz from each instance, and the sign-in redirect built
        // from the forwarded scheme and host (https://scribebot.example.com), not from nginx's plain-http hop.
        using var browser = new HttpClient(nginx.CreateHandler()) { BaseAddress = nginx.BaseAddress };
        for (var i = 0; i < 2; i++)
        {
            using var health = await browser.GetAsync(new Uri("healthz", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        using (var probesLogged = new CancellationTokenSource(StepTimeout))
        {
            var probes = (await nginx.RequestsAsync(r => r.Path == "/healthz", 2, probesLogged.Token)).Where(r => r.Path == "/healthz");
            Assert.Equal(2, probes.Select(r => r.Upstreams[^1]).Distinct().Count());
        }

        using var challenge = await browser.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var location = challenge.Headers.Location!;
        Assert.StartsWith(deployment.Issuer.AuthorizeEndpoint, location.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(
            $"https://{NginxProxy.PublicHost}/signin-oidc",
            Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(location.Query)["redirect_uri"].ToString());
    }

    [Fact]
    public async Task An_instance_stopped_mid_incident_behind_the_READMEs_nginx_costs_no_request_and_no_message()
    {
        var clock = Stopwatch.StartNew();
        await using var deployment = await Deployment.StartAsync(Database);
        var (nginx, sender) = (deployment.Nginx, deployment.Sender);
        var (first, second) = (deployment.Instances[0], deployment.Instances[1]);
        await sender.CommandAsync(nginx.Events, "start Checkout returns 502 sev2", "1.2.nginx-stop-start");

        // Several senders, as Slack delivers events over several connections, until the stopped instance is gone and the
        // survivor has taken a few more. More connections leave more idle keep-alive connections to the stopping
        // instance in nginx's cache, the race the README's non_idempotent is for.
        var answers = new ConcurrentQueue<(string Text, HttpStatusCode? Status, string? Failure)>();
        var sent = 0;
        // A message's ts is its id in the channel: one clock reading and the message's number keep them apart, where
        // each sender reading the clock could give two messages one ts (and the second would be taken for the first).
        var firstTs = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
        using var stop = new CancellationTokenSource();
        async Task SendUntilStoppedAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref sent);
                var text = $"{MessagePrefix}{n}";
                var (status, failure) = await sender.SendEventAsync(nginx.Events, Message($"EvNGSTOP{n:D4}", (firstTs + n / 1000.0).ToString("F6", CultureInfo.InvariantCulture), text));
                answers.Enqueue((text, status, failure));
            }
        }

        var senders = Enumerable.Range(0, Senders).Select(_ => Task.Run(SendUntilStoppedAsync)).ToArray();
        await WaitUntilAsync(() => answers.Count >= 20, "20 answers before the stop");
        var stopAt = clock.Elapsed;
        await TerminateAsync(first.Process.Id);
        using (var exit = new CancellationTokenSource(StepTimeout))
        {
            Assert.Equal(0, await first.Process.WaitForExitAsync(exit.Token));
        }

        var atExit = answers.Count;
        var exitAt = clock.Elapsed;
        var requestsAtExit = nginx.Requests().Count;
        await WaitUntilAsync(() => answers.Count >= atExit + 20, "20 answers after the stop");
        await stop.CancelAsync();
        await Task.WhenAll(senders);
        output.WriteLine($"{answers.Count} events, {atExit} answered when the first instance had exited; "
            + $"SIGTERM at {stopAt.TotalSeconds:0.0} s, exited at {exitAt.TotalSeconds:0.0} s, burst ended at {clock.Elapsed.TotalSeconds:0.0} s");

        var failed = answers.Where(a => a.Status != HttpStatusCode.OK).Select(a => $"{a.Text}: {a.Status?.ToString() ?? a.Failure}").ToList();
        Assert.True(failed.Count == 0, $"Not answered 200 through nginx: {string.Join("; ", failed)}\nnginx's error log:\n{nginx.ErrorLog()}\nFirst instance:\n{first.Process.OutputSoFar()}");
        var requests = nginx.Requests();
        Assert.Contains(requests.Take(requestsAtExit), r => r.Upstreams[^1] == first.BaseAddress.Authority);
        // Those answered just before the exit may be logged just after it: one per sender.
        Assert.All(requests.Skip(requestsAtExit + Senders), r => Assert.Equal(second.BaseAddress.Authority, r.Upstreams[^1]));
        output.WriteLine($"{requests.Count(r => r.Upstreams.Count > 1)} requests tried the stopped instance first, then the survivor");

        await sender.CommandAsync(nginx.Events, "resolve Rolled back the deploy", "1.2.nginx-stop-resolve");
        await deployment.WaitForDraftAsync();
        Assert.Equal(answers.Select(a => a.Text).Order(StringComparer.Ordinal), (await deployment.StoredMessagesAsync()).Order(StringComparer.Ordinal));
        await deployment.AssertDraftPostedOnceAsync();
        output.WriteLine($"draft delivered at {clock.Elapsed.TotalSeconds:0.0} s");
    }

    private static byte[] Message(string eventId, string ts, string text) => Encoding.UTF8.GetBytes(SlackPayloads.Event(
        "event_message_channel.docs.json",
        ("event_id", eventId), ("event.ts", ts), ("event.event_ts", ts), ("event.text", text), ("event.user", "U123ABC456")).ToJsonString());

    /// <summary>SIGTERM, as a service manager stops an instance: the host shuts down gracefully.</summary>
    private static async Task TerminateAsync(int pid)
    {
        using var kill = Process.Start("kill", ["-TERM", pid.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < StepTimeout, $"No {what} within {StepTimeout.TotalSeconds:0} s.");
            await Task.Delay(20);
        }
    }

    /// <summary>
    /// One database, one fake Slack and one sign-in issuer; two instances with the README's settings; the README's nginx
    /// in front; a Slack sender that goes through nginx.
    /// </summary>
    private sealed class Deployment : IAsyncDisposable
    {
        private Deployment(string database, FakeSlack slack, FakeOidcIssuer issuer, PostgresHostProcess[] instances, NginxProxy nginx)
        {
            Database = database;
            Slack = slack;
            Issuer = issuer;
            Instances = instances;
            Nginx = nginx;
            Sender = new SignedSlackSender(nginx.CreateHandler());
        }

        public string Database { get; }

        public FakeSlack Slack { get; }

        public FakeOidcIssuer Issuer { get; }

        public PostgresHostProcess[] Instances { get; }

        public NginxProxy Nginx { get; }

        public SignedSlackSender Sender { get; }

        public static async Task<Deployment> StartAsync(string database)
        {
            // Before two hosts take half a minute to start.
            NginxProxy.RequireInstalled();
            var slack = await FakeSlack.StartAsync();
            FakeOidcIssuer? issuer = null;
            var instances = new List<PostgresHostProcess>();
            try
            {
                issuer = await FakeOidcIssuer.StartAsync();
                // What the README asks of every instance behind a balancer (the address aside: a free loopback port each).
                var settings = new Dictionary<string, string>
                {
                    ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true",
                    ["Scribe__PublicBaseUrl"] = $"https://{NginxProxy.PublicHost}",
                    ["Dashboard__Oidc__Authority"] = issuer.Authority,
                    ["Dashboard__Oidc__ClientId"] = FakeOidcIssuer.ClientId,
                    ["Dashboard__Oidc__ClientSecret"] = FakeOidcIssuer.ClientSecret,
                    ["Dashboard__Oidc__AllowedWorkspaces__0"] = SlackPayloads.Team,
                };
                var starting = new[] { PostgresHostProcess.StartAsync("A", database, slack, settings), PostgresHostProcess.StartAsync("B", database, slack, settings) };
                try
                {
                    await Task.WhenAll(starting);
                }
                finally
                {
                    instances.AddRange(starting.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result));
                }

                var nginx = await NginxProxy.StartAsync([.. instances.Select(i => i.BaseAddress)]);
                return new Deployment(database, slack, issuer, [.. instances], nginx);
            }
            catch
            {
                instances.ForEach(i => i.Dispose());
                if (issuer is not null)
                {
                    await issuer.DisposeAsync();
                }

                await slack.DisposeAsync();
                throw;
            }
        }

        public Task SendMessageAsync(string eventId, string ts, string text) =>
            SendAsync(Message(eventId, ts, text));

        public Task SendAsync(JsonNode body) => SendAsync(Encoding.UTF8.GetBytes(body.ToJsonString()));

        public async Task SendAsync(byte[] body)
        {
            var (status, failure) = await Sender.SendEventAsync(Nginx.Events, body);
            Assert.True(status == HttpStatusCode.OK, $"Event answered {status?.ToString() ?? failure} through nginx.");
        }

        /// <summary>The messages stored under <see cref="MessagePrefix"/>, in arrival order, one row each.</summary>
        public Task<List<string>> StoredMessagesAsync() => Sql.QueryAsync(
            Database, $"SELECT doc->>'text' FROM entries WHERE doc->>'text' LIKE '{MessagePrefix}%' ORDER BY seq", r => r.GetString(0));

        /// <summary>Waits for the draft's Markdown file and for the outbox to be empty (nothing left to send); returns the file.</summary>
        public async Task<string> WaitForDraftAsync()
        {
            var shared = await Slack.WaitForSharedFileAsync("INC-1-postmortem.md", CancellationToken.None).WaitAsync(StepTimeout);
            var file = shared.Single(f => f.Name == "INC-1-postmortem.md");
            var deadline = Stopwatch.StartNew();
            while ((await Sql.QueryAsync(Database, "SELECT count(*) FROM outbox WHERE state <> 'Delivered' OR leased_by IS NOT NULL", r => r.GetInt64(0)))[0] > 0)
            {
                Assert.True(deadline.Elapsed < StepTimeout, "The outbox was not delivered.");
                await Task.Delay(50);
            }

            return Encoding.UTF8.GetString(file.Bytes!);
        }

        /// <summary>Every post once (by its outbox id and part), the draft's among them, and its Markdown file once.</summary>
        public async Task AssertDraftPostedOnceAsync()
        {
            var posts = Slack.DeliveredTo("chat.postMessage").Select(Marker).ToList();
            var twice = posts.GroupBy(p => p).Where(g => g.Count() > 1).Select(g => $"{g.Key} x{g.Count()}").ToList();
            Assert.True(twice.Count == 0, $"Posted more than once: {string.Join(", ", twice)}");
            var draftId = Assert.Single(await Sql.QueryAsync(Database, "SELECT id FROM outbox WHERE doc->'post'->>'kind' = 'postmortem'", r => r.GetString(0)));
            Assert.Contains((draftId, 0), posts);
            Assert.Equal(1, Slack.Files.All.Count(f => f.Name == "INC-1-postmortem.md"));
            Assert.Single(Slack.Files.Shared, f => f.Name == "INC-1-postmortem.md");
        }

        public async ValueTask DisposeAsync()
        {
            Sender.Dispose();
            Nginx.Dispose();
            foreach (var instance in Instances)
            {
                instance.Dispose();
            }

            await Issuer.DisposeAsync();
            await Slack.DisposeAsync();
        }

        private static (string OutboxId, int Part) Marker(RecordedCall post)
        {
            var payload = post.Json().GetProperty("metadata").GetProperty("event_payload");
            return (payload.GetProperty("outbox_id").GetString()!, payload.GetProperty("part").GetInt32());
        }
    }
}
