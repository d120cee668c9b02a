using ScribeBot.Testing.Storage;

namespace ScribeBot.Tests.Storage;

/// <summary>
/// Two real host processes on one real PostgreSQL, one fake Slack behind both, as a load balancer runs them (issue 18,
/// item 4): one instance SIGKILLed in the middle of a burst loses no acknowledged event and stores none twice, and the
/// survivor posts the draft exactly once, including the post the dead instance had leased and was sending when it died.
/// <para>
/// Run them alone: <c>dotnet test tests/ScribeBot.Tests --filter FullyQualifiedName~TwoHostProcesses</c>. The kill
/// test lasts the outbox lease it uses (30 s, the shortest <c>Storage:Postgres:OutboxLease</c> allows) plus a few
/// seconds: that wait is what it proves, a dead instance's post going out once its lease expires.
/// </para>
/// </summary>
public sealed class TwoHostProcessesTests(PostgresFixture postgres, ITestOutputHelper output) : PostgresDatabaseTest(postgres)
{
    private const int Events = 300;
    private const int Connections = 6;
    private const string Lease = "00:00:30";

    /// <summary>A bound on each step, not a wait: the lease's expiry is the longest step.</summary>
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task After_one_host_is_SIGKILLed_mid_burst_every_acknowledged_event_is_stored_once_and_the_survivor_posts_the_draft_once()
    {
        await using var slack = await FakeSlack.StartAsync();
        using var sender = new SignedSlackSender();
        var settings = new Dictionary<string, string>
        {
            ["Storage__Postgres__OutboxLease"] = Lease,
            // Shorter than the lease, as the README asks, and as long as it can be: the first instance must still be
            // waiting for Slack's answer when it is killed, after the second has started on two busy cores.
            ["Slack__RequestTimeout"] = "00:00:29",
        };

        // Slack takes the first post (the start announcement) and never answers: the first instance is still
        // delivering it, holding its lease, when it is killed.
        slack.Enqueue("chat.postMessage", FakeResponse.PostedButUnanswered);
        var clock = Stopwatch.StartNew();
        using var first = await PostgresHostProcess.StartAsync("A", Database, slack, settings);
        await sender.CommandAsync(first.Events, "start Checkout returns 502 sev2", "1.2.kill-start");
        var held = Assert.Single(await WithinAsync(slack.WaitForCallsAsync("chat.postMessage", 1, CancellationToken.None), "the announcement's post"));
        var heldId = Marker(held).OutboxId;

        var heldAt = clock.Elapsed;

        // Started only now, so the announcement cannot have gone to it.
        using var second = await PostgresHostProcess.StartAsync("B", Database, slack, settings);
        var secondStarted = clock.Elapsed;
        var burst = new SpreadEventBurst(sender, first, second, Events, firstTarget: Events / 9);
        var running = burst.RunAsync(Connections);
        await WithinAsync(burst.FirstReached, "the first instance's acknowledgements");

        var lease = await LeaseAsync(Database, heldId);
        Assert.True(lease.By == first.InstanceId, $"The announcement is leased by {lease.By}, not by the first instance ({first.InstanceId}).");
        burst.FirstIsBeingKilled();
        await first.Process.KillAsync(CancellationToken.None);
        var killedAt = clock.Elapsed;
        var acksAtKill = burst.Acknowledged.Count;
        await WithinAsync(running, "the burst");
        var burstEnded = clock.Elapsed;

        output.WriteLine($"{Events} events, {acksAtKill} acknowledged before the kill ({burst.FirstAcks} by A), "
            + $"{burst.Redelivered} redelivered to B after A failed them; A's lease on {heldId} ran until {lease.Until:O}");
        output.WriteLine($"announcement held at {heldAt.TotalSeconds:0.0} s, B listening at {secondStarted.TotalSeconds:0.0} s, "
            + $"A killed at {killedAt.TotalSeconds:0.0} s, burst ended at {burstEnded.TotalSeconds:0.0} s");
        Assert.True(
            burst.Unexpected.Count == 0,
            $"Unexpected failures: {string.Join("; ", burst.Unexpected.Take(10))}\nB's output:\n{second.Process.OutputSoFar()}");
        Assert.True(acksAtKill < Events && burst.Redelivered > 0, "The kill did not land in the middle of the burst.");
        // B acknowledges whatever A could not, so in the end every event was acknowledged by one of them.
        Assert.Equal(Events, burst.Acknowledged.Count);

        var stored = await Sql.QueryAsync(
            Database,
            $"SELECT message_id FROM entries WHERE doc->>'text' LIKE '{SpreadEventBurst.TextPrefix}%'",
            r => r.GetString(0));
        Assert.Equal(burst.All.Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
        var marked = await Sql.QueryAsync(Database, "SELECT count(*) FROM processed_requests WHERE request_key LIKE 'slack-event:EvKILL%'", r => r.GetInt64(0));
        Assert.Equal((long)Events, Assert.Single(marked));

        await sender.CommandAsync(second.Events, "resolve Rolled back the deploy", "1.2.kill-resolve");
        await WithinAsync(slack.WaitForSharedFileAsync("INC-1-postmortem.md", CancellationToken.None), "the draft's Markdown file");
        await WaitForOutboxDeliveredAsync(Database);
        output.WriteLine($"draft delivered at {clock.Elapsed.TotalSeconds:0.0} s");

        var posts = slack.DeliveredTo("chat.postMessage").Select(c => (Call: c, Marker: Marker(c))).ToList();
        var twice = posts.GroupBy(p => p.Marker).Where(g => g.Count() > 1).Select(g => $"{g.Key} x{g.Count()}").ToList();
        Assert.True(twice.Count == 0, $"Posted more than once: {string.Join(", ", twice)}");
        Assert.Single(posts, p => p.Marker == (heldId, 0));
        var draftId = Assert.Single(await Sql.QueryAsync(Database, "SELECT id FROM outbox WHERE doc->'post'->>'kind' = 'postmortem'", r => r.GetString(0)));
        var draft = posts.Where(p => p.Marker.OutboxId == draftId).ToList();
        Assert.Contains(draft, p => p.Marker.Part == 0);
        // The draft queued behind the dead instance's post, so it went out only once that lease had expired.
        Assert.All(draft, p => Assert.True(p.Call.ArrivedAt >= lease.Until.AddSeconds(-1), $"Draft part {p.Marker.Part} posted at {p.Call.ArrivedAt:O}, inside A's lease."));
        Assert.Single(slack.Files.Shared, f => f.Name == "INC-1-postmortem.md");
        Assert.Equal(1, slack.Files.All.Count(f => f.Name == "INC-1-postmortem.md"));
    }

    [Fact]
    public async Task A_Slack_retry_sent_to_the_other_host_is_answered_as_a_duplicate_and_stored_once()
    {
        await using var slack = await FakeSlack.StartAsync();
        using var sender = new SignedSlackSender();
        var starting = new[]
        {
            PostgresHostProcess.StartAsync("A", Database, slack),
            PostgresHostProcess.StartAsync("B", Database, slack, new Dictionary<string, string> { ["Logging__LogLevel__ScribeBot.Slack.Dispatch"] = "Debug" }),
        };
        try
        {
            await Task.WhenAll(starting);
        }
        catch
        {
            // The one that did start is stopped too.
            foreach (var started in starting.Where(t => t.IsCompletedSuccessfully))
            {
                (await started).Dispose();
            }

            throw;
        }

        using var first = await starting[0];
        using var second = await starting[1];
        await sender.CommandAsync(first.Events, "start Checkout returns 502", "1.2.retry-start");
        var body = Encoding.UTF8.GetBytes(SlackPayloads.Event(
            "event_message_channel.docs.json",
            ("event_id", "EvRETRY1"), ("event.ts", SlackPayloads.Now(1)), ("event.event_ts", SlackPayloads.Now(1)),
            ("event.text", "p99 is up"), ("event.user", "U123ABC456")).ToJsonString());

        Assert.Equal(HttpStatusCode.OK, (await sender.SendEventAsync(first.Events, body)).Status);
        Assert.Equal(HttpStatusCode.OK, (await sender.SendEventAsync(second.Events, body, retry: 1)).Status);

        using var timeout = new CancellationTokenSource(StepTimeout);
        await second.Process.WaitForLineAsync(new Regex("Slack event EvRETRY1 already handled \\(retry 1\\)"), timeout.Token);
        Assert.Equal(["p99 is up"], await Sql.QueryAsync(Database, "SELECT doc->>'text' FROM entries WHERE doc->>'text' = 'p99 is up'", r => r.GetString(0)));
        Assert.Equal(["slack-event:EvRETRY1"], await Sql.QueryAsync(Database, "SELECT request_key FROM processed_requests", r => r.GetString(0)));
    }

    private static (string OutboxId, int Part) Marker(RecordedCall post)
    {
        var payload = post.Json().GetProperty("metadata").GetProperty("event_payload");
        return (payload.GetProperty("outbox_id").GetString()!, payload.GetProperty("part").GetInt32());
    }

    private static async Task<(string? By, DateTimeOffset Until)> LeaseAsync(string database, string outboxId)
    {
        var rows = await Sql.QueryAsync(
            database,
            $"SELECT leased_by, lease_until FROM outbox WHERE id = '{outboxId}' AND state = 'Pending'",
            r => (By: r.IsDBNull(0) ? null : r.GetString(0), Until: r.IsDBNull(1) ? DateTimeOffset.MinValue : r.GetFieldValue<DateTimeOffset>(1)));
        return Assert.Single(rows);
    }

    /// <summary>Until nothing is pending or leased: every post recorded, so no instance has anything left to send.</summary>
    private static async Task WaitForOutboxDeliveredAsync(string database)
    {
        var deadline = Stopwatch.StartNew();
        while ((await Sql.QueryAsync(database, "SELECT count(*) FROM outbox WHERE state <> 'Delivered' OR leased_by IS NOT NULL", r => r.GetInt64(0)))[0] > 0)
        {
            Assert.True(deadline.Elapsed < StepTimeout, "The outbox was not delivered.");
            await Task.Delay(50);
        }
    }

    private static async Task WithinAsync(Task task, string what)
    {
        try
        {
            await task.WaitAsync(StepTimeout);
        }
        catch (TimeoutException)
        {
            throw new Xunit.Sdk.XunitException($"No {what} within {StepTimeout.TotalSeconds:0} s.");
        }
    }

    private static async Task<T> WithinAsync<T>(Task<T> task, string what)
    {
        await WithinAsync((Task)task, what);
        return await task;
    }
}
