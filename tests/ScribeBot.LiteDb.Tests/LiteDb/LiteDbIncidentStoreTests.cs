namespace ScribeBot.LiteDb.Tests.LiteDb;

public sealed class LiteDbIncidentStoreTests : DataFileTests
{
    [Fact]
    public async Task Data_survives_dispose_and_reopen()
    {
        var channel = Channel();
        Incident opened;
        await using (var store = OpenStore())
        {
            opened = (await store.OpenIncidentAsync(channel, Create(channel, null, "m1"), None)).Incident;
            await store.AppendEntryAsync(Entry(opened.Id, "m2", T0.AddMinutes(1)), None);
        }

        await using (var reopened = OpenStore())
        {
            AssertSame(opened, await reopened.FindOpenIncidentAsync(channel, None));
            Assert.Equal(["m1", "m2"], (await reopened.GetTimelineAsync(opened.Id, None)).Select(e => e.MessageId));
            await reopened.SaveIncidentAsync(opened with { Status = IncidentStatus.Resolved }, [], [], None);
            var next = await reopened.OpenIncidentAsync(channel, Create(channel), None);
            Assert.Equal(2, next.Incident.Number);
            Assert.Equal(AppendResult.Added, await reopened.AppendEntryAsync(Entry(opened.Id, "m3", T0.AddMinutes(1)), None));
        }

        await using (var again = OpenStore())
        {
            Assert.Equal(2, (await again.FindOpenIncidentAsync(channel, None))?.Number);
            // Arrival order keeps counting across restarts: m3 came after m2 at the same instant.
            Assert.Equal(["m1", "m2", "m3"], (await again.GetTimelineAsync(opened.Id, None)).Select(e => e.MessageId));
        }
    }

    [Fact]
    public async Task The_outbox_survives_dispose_and_reopen_in_order()
    {
        var channel = Channel();
        OutboxItem Item(string requestId) => new()
        {
            Id = OutboxItem.MakeId(channel, requestId, 0),
            Post = new AnnouncementPost(channel, new ChatTextBuilder().Strong("INC-1 ").Plain(requestId).Build()),
            IncidentId = "inc",
            EnqueuedAt = T0,
            NextAttemptAt = T0,
        };

        await using (var store = OpenStore())
        {
            var opened = (await store.OpenIncidentAsync(channel, n => Create(channel)(n) with { Outbox = [Item("a")] }, None)).Incident;
            await store.SaveIncidentAsync(opened, [], [Item("b")], None);
            await store.RescheduleAsync(Item("a").Id, T0.AddSeconds(30), "429", None);
        }

        await using (var reopened = OpenStore())
        {
            Assert.Empty(await reopened.GetDueAsync(T0.AddSeconds(29), 10, [ChatPlatform.Slack], None));
            var due = Assert.Single(await reopened.GetDueAsync(T0.AddSeconds(30), 10, [ChatPlatform.Slack], None));
            Assert.Equal(Item("a").Id, due.Id);
            Assert.Equal(1, due.Attempts);
            Assert.Equal("INC-1 a", ((AnnouncementPost)due.Post).Text.ToPlainString());
            await reopened.MarkDeliveredAsync(due.Id, T0.AddSeconds(31), None);
            // A later enqueue keeps counting after the restart: "c" queues behind "b".
            await reopened.EnqueueAsync([Item("c")], None);
        }

        await using (var again = OpenStore())
        {
            Assert.Equal(Item("b").Id, Assert.Single(await again.GetDueAsync(T0.AddDays(1), 10, [ChatPlatform.Slack], None)).Id);
            Assert.Equal(OutboxState.Delivered, (await again.GetAsync(Item("a").Id, None))!.State);
            Assert.Equal(2, (await again.CountPendingAsync(None))[ChatPlatform.Slack]);
        }
    }

    [Fact]
    public async Task A_missing_directory_is_created()
    {
        var path = Path.Combine(Temp.Path, "nested", "deeper", "store.db");

        await using (var store = StoreFactory.Open(path))
        {
            await store.AppendEntryAsync(Entry("i1", "m1"), None);
        }

        Assert.True(File.Exists(path));
    }

    [Fact]
    public async Task Parallel_ingest_from_50_channels_stores_every_message_exactly_once()
    {
        await using var store = StoreFactory.Open(Temp.File("store.db"));
        var channels = Enumerable.Range(0, 50).Select(i => Channel($"C{i}")).ToArray();
        var incidents = await Task.WhenAll(channels.Select(async c =>
            (await store.OpenIncidentAsync(c, Create(c), None)).Incident));

        var results = await Task.WhenAll(incidents.Select(incident => Task.Run(async () =>
        {
            var added = 0;
            for (var m = 0; m < 200; m++)
            {
                var entry = Entry(incident.Id, $"m{m}", T0.AddSeconds(m));
                added += await store.AppendEntryAsync(entry, None) == AppendResult.Added ? 1 : 0;
                if (m % 10 == 0)
                {
                    // A platform's retry of a message already seen.
                    Assert.Equal(AppendResult.Duplicate, await store.AppendEntryAsync(entry, None));
                }
            }

            return added;
        })));

        Assert.All(results, added => Assert.Equal(200, added));
        foreach (var incident in incidents)
        {
            var found = await store.FindOpenIncidentAsync(incident.Channel, None);
            Assert.Equal(incident.Id, found?.Id);
            var timeline = await store.GetTimelineAsync(incident.Id, None);
            Assert.Equal(Enumerable.Range(0, 200).Select(m => $"m{m}"), timeline.Select(e => e.MessageId));
        }

        Assert.Equal(50, (await store.ListIncidentsAsync(channels[0].WorkspaceKey, T0.AddDays(-1), None)).Select(i => i.Number).Distinct().Count());
    }

    [Fact]
    public async Task A_write_the_engine_rejects_fails_alone_and_the_rest_of_its_batch_commits()
    {
        await using var store = StoreFactory.Open(Temp.File("store.db"));
        // Holds the writer so the following writes queue up and commit as one batch.
        using var writer = await HeldWriter.WriteAndHoldAsync(store, "existing");

        var good1 = store.AppendEntryAsync(Entry("i1", "good-1"), None);
        var tooLongKey = store.AppendEntryAsync(Entry("i1", new string('k', 2_000)), None);
        var throwing = store.UpdateEntryAsync("i1", "existing", _ => throw new InvalidOperationException("refused"), None);
        var good2 = store.AppendEntryAsync(Entry("i1", "good-2"), None);

        await writer.ReleaseAsync();
        Assert.Equal(AppendResult.Added, await good1);
        Assert.Equal(AppendResult.Added, await good2);
        await Assert.ThrowsAnyAsync<Exception>(() => tooLongKey);
        await Assert.ThrowsAsync<InvalidOperationException>(() => throwing);
        Assert.Equal(["existing", "good-1", "good-2"], (await store.GetTimelineAsync("i1", None)).Select(e => e.MessageId));
    }

    [Fact]
    public async Task A_redelivery_is_a_duplicate_whether_its_id_is_known_in_memory_or_only_in_the_file()
    {
        await using (var store = OpenStore())
        {
            await store.AppendEntryAsync(Entry("i1", "m1"), None);
            Assert.Equal(AppendResult.Duplicate, await store.AppendEntryAsync(Entry("i1", "m1"), None));
        }

        // After a restart the writer knows nothing: it must read the incident's ids from the file.
        await using var reopened = OpenStore();
        Assert.Equal(AppendResult.Duplicate, await reopened.AppendEntryAsync(Entry("i1", "m1"), None));
        Assert.Equal(AppendResult.Added, await reopened.AppendEntryAsync(Entry("i1", "m2"), None));
        Assert.Equal(AppendResult.Duplicate, await reopened.AppendEntryAsync(Entry("i1", "m2"), None));
        Assert.Equal(["m1", "m2"], (await reopened.GetTimelineAsync("i1", None)).Select(e => e.MessageId));
    }

    [Fact]
    public async Task The_write_ahead_log_is_folded_into_the_data_file_once_it_holds_the_configured_pages()
    {
        const int Pages = 40;
        var log = Path.Combine(Path.GetDirectoryName(StorePath)!, "store-log.db");
        long largestLog = 0;
        await using (var store = StoreFactory.Open(new LiteDbOptions { Path = StorePath, FlushToDisk = false, AutoCheckpointPages = Pages }))
        {
            // One commit per message: each writes several pages to the log, far more than Pages in all.
            for (var i = 0; i < 1_000; i++)
            {
                await store.AppendEntryAsync(Entry("i1", $"m{i:D4}"), None);
                largestLog = Math.Max(largestLog, new FileInfo(log).Length);
            }

            Assert.Equal(1_000, (await store.GetTimelineAsync("i1", None)).Count);
        }

        // The log never outgrew the mark by more than the one commit that crossed it (LiteDB's default, 1,000 pages,
        // would have let it reach about 8 MB here).
        Assert.InRange(largestLog, 1, (Pages + 10) * 8192L);
    }

    [Fact]
    public async Task A_redelivery_older_than_the_ids_kept_in_memory_is_still_a_duplicate()
    {
        await using var store = StoreFactory.Open(Temp.File("store.db"));
        var count = KnownEntryKeys.IdsPerIncident + 10;
        await Task.WhenAll(Enumerable.Range(0, count).Select(i => store.AppendEntryAsync(Entry("i1", $"m{i:D6}"), None)));

        // m000000 has left the writer's memory (it keeps about IdsPerIncident): the file must still refuse it, and a
        // batch that carries it must still commit its neighbours.
        var redelivered = store.AppendEntryAsync(Entry("i1", "m000000"), None);
        var neighbour = store.AppendEntryAsync(Entry("i1", "new"), None);

        Assert.Equal(AppendResult.Duplicate, await redelivered);
        Assert.Equal(AppendResult.Added, await neighbour);
        var timeline = await store.GetTimelineAsync("i1", None);
        Assert.Equal(count + 1, timeline.Count);
        Assert.Single(timeline, e => e.MessageId == "m000000");
    }

    [Fact]
    public async Task An_id_that_differs_only_in_case_is_a_duplicate_as_LiteDB_compares_keys_and_spoils_no_batch()
    {
        await using var store = StoreFactory.Open(Temp.File("store.db"));
        using var writer = await HeldWriter.WriteAndHoldAsync(store, "msg");

        // One batch: the in-memory check misses "MSG" (ordinal), LiteDB's key collation (ignore case) does not.
        var neighbour = store.AppendEntryAsync(Entry("i1", "other"), None);
        var variant = store.AppendEntryAsync(Entry("i1", "MSG"), None);
        await writer.ReleaseAsync();

        Assert.Equal(AppendResult.Added, await neighbour);
        Assert.Equal(AppendResult.Duplicate, await variant);
        // The retry after the rollback must not leave the writer believing in ids that were rolled back.
        Assert.Equal(AppendResult.Duplicate, await store.AppendEntryAsync(Entry("i1", "other"), None));
        Assert.Equal(AppendResult.Added, await store.AppendEntryAsync(Entry("i1", "new"), None));
        Assert.Equal(["msg", "other", "new"], (await store.GetTimelineAsync("i1", None)).Select(e => e.MessageId));
    }

    [Fact]
    public async Task A_write_cancelled_while_queued_is_not_committed()
    {
        await using var store = StoreFactory.Open(Temp.File("store.db"));
        // Once the writer is inside the held update, the next write can only be waiting in the queue.
        using var writer = await HeldWriter.WriteAndHoldAsync(store, "existing");
        using var cancellation = new CancellationTokenSource();

        var cancelled = store.AppendEntryAsync(Entry("i1", "cancelled"), cancellation.Token);
        await cancellation.CancelAsync();
        await writer.ReleaseAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Null(await store.GetEntryAsync("i1", "cancelled", None));
        Assert.Equal(AppendResult.Added, await store.AppendEntryAsync(Entry("i1", "after"), None));
    }

    [Fact]
    public async Task A_write_already_taken_by_the_writer_completes_despite_cancellation()
    {
        await using var store = StoreFactory.Open(Temp.File("store.db"));
        using var cancellation = new CancellationTokenSource();

        using var writer = await HeldWriter.WriteAndHoldAsync(store, "m1", e => e with { Text = "changed" }, cancellation.Token);
        await cancellation.CancelAsync();

        Assert.Equal("changed", (await writer.ReleaseAsync())?.Text);
        Assert.Equal("changed", (await store.GetEntryAsync("i1", "m1", None))?.Text);
    }

    [Fact]
    public async Task A_checkpoint_keeps_every_write_and_writes_go_on_after_it()
    {
        await using (var store = OpenStore())
        {
            await store.AppendEntryAsync(Entry("i1", "m1"), None);
            await store.CheckpointAsync(None);
            await store.AppendEntryAsync(Entry("i1", "m2"), None);
        }

        await using var reopened = OpenStore();
        Assert.Equal(2, (await reopened.GetTimelineAsync("i1", None)).Count);
    }

    [Fact]
    public async Task Writes_after_dispose_are_refused()
    {
        var store = StoreFactory.Open(Temp.File("store.db"));
        await store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.AppendEntryAsync(Entry("i1", "m1"), None));
    }

    [Fact]
    public async Task Queued_writes_are_committed_before_dispose_returns()
    {
        var store = OpenStore();
        var writes = Enumerable.Range(0, 500).Select(i => store.AppendEntryAsync(Entry("i1", $"m{i}"), None)).ToArray();

        await store.DisposeAsync();

        Assert.All(writes, w => Assert.True(w.IsCompletedSuccessfully));
        await using var reopened = OpenStore();
        Assert.Equal(500, (await reopened.GetTimelineAsync("i1", None)).Count);
    }

    /// <summary>
    /// The store's writer held inside an update of incident i1's <c>messageId</c> until released: the writes made
    /// meanwhile wait in its queue and commit together, as one batch.
    /// </summary>
    private sealed class HeldWriter : IDisposable
    {
        private readonly ManualResetEventSlim _entered = new();
        private readonly ManualResetEventSlim _gate = new();
        private Task<TimelineEntry?> _update = null!;

        /// <summary>Writes the entry, then starts an update of it (with <paramref name="cancellationToken"/>) that
        /// holds the writer, and returns once the writer is inside it.</summary>
        public static async Task<HeldWriter> WriteAndHoldAsync(
            LiteDbIncidentStore store, string messageId, Func<TimelineEntry, TimelineEntry>? change = null,
            CancellationToken cancellationToken = default)
        {
            await store.AppendEntryAsync(Entry("i1", messageId), CancellationToken.None);
            var writer = new HeldWriter();
            writer._update = store.UpdateEntryAsync(
                "i1", messageId, e => { writer._entered.Set(); writer._gate.Wait(CancellationToken.None); return change is null ? e : change(e); }, cancellationToken);
            Assert.True(writer._entered.Wait(TimeSpan.FromSeconds(10), CancellationToken.None));
            return writer;
        }

        /// <summary>Lets the writer go on and returns the held update's result once it has committed.</summary>
        public Task<TimelineEntry?> ReleaseAsync()
        {
            _gate.Set();
            return _update;
        }

        public void Dispose()
        {
            _gate.Set();
            _entered.Dispose();
            _gate.Dispose();
        }
    }
}
