namespace ScribeBot.LiteDb.Tests.LiteDb;

/// <summary>
/// Retention and purge on the file: the reads they make are index reads (LiteDB's EXPLAIN), and what they remove stays
/// removed after the file is opened again.
/// </summary>
public sealed class RetentionStoreTests : DataFileTests
{
    [Fact]
    public async Task Every_read_of_retention_and_purge_is_an_index_read()
    {
        await using (var store = OpenStore())
        {
            // Enough documents, in every state, that a full scan and an index read are told apart by the plan.
            for (var i = 0; i < 20; i++)
            {
                var item = Post($"r{i}", incidentId: $"slack:T1:{i}");
                await store.EnqueueAsync([item], None);
                await store.SetItemStateAsync(item.Id, $"slack:delivery:{item.Id}", "{}", None);
                await store.SetStateAsync($"names:{i}", "x", None);
                if (i % 3 == 0)
                {
                    await store.MarkDeliveredAsync(item.Id, T0.AddDays(i), None);
                }
                else if (i % 3 == 1)
                {
                    await store.AbandonAsync(item.Id, "gone", T0.AddDays(i), None);
                }
            }
        }

        using var database = LiteDbIncidentStore.OpenDatabase(StorePath);
        var outbox = database.GetCollection(OutboxMapping.Collection);

        AssertIndexRead(outbox, StoreSchema.DeliveredBeforeQuery(T0.AddDays(5)), OutboxMapping.DeliveredAtField);
        AssertIndexRead(outbox, StoreSchema.AbandonedBeforeQuery(T0.AddDays(5)), OutboxMapping.AbandonedAtField);
        AssertIndexRead(outbox, StoreSchema.PostsOfIncidentQuery("slack:T1:3"), OutboxMapping.IncidentIdField);
        AssertIndexRead(
            database.GetCollection(AdapterStateMapping.Collection), StoreSchema.StateOwnedByQuery(Post("r3").Id), AdapterStateMapping.OwnerField);
    }

    [Fact]
    public async Task The_finished_post_ranges_hold_no_pending_post()
    {
        await using (var store = OpenStore())
        {
            await store.EnqueueAsync([Post("pending")], None);
            var delivered = Post("delivered");
            await store.EnqueueAsync([delivered], None);
            await store.MarkDeliveredAsync(delivered.Id, T0, None);
        }

        using var database = LiteDbIncidentStore.OpenDatabase(StorePath);
        var outbox = database.GetCollection(OutboxMapping.Collection);

        Assert.Equal(["delivered"], outbox.Find(StoreSchema.DeliveredBeforeQuery(T0.AddYears(100))).Select(d => d["_id"].AsString.Split('/')[1]));
        Assert.Empty(outbox.Find(StoreSchema.AbandonedBeforeQuery(T0.AddYears(100))));
    }

    [Fact]
    public async Task What_retention_and_a_purge_removed_stays_removed_after_the_file_is_opened_again()
    {
        var channel = Channel();
        string incidentId;
        var post = Post("old");
        await using (var store = OpenStore())
        {
            var incident = (await store.OpenIncidentAsync(channel, Create(channel, T0, "m1"), None)).Incident;
            incidentId = incident.Id;
            await store.SaveIncidentAsync(
                incident with { Status = IncidentStatus.Resolved, Resolved = new Milestone(T0.AddHours(1), Alice) }, [], [], None);
            await store.EnqueueAsync([post], None);
            await store.SetItemStateAsync(post.Id, "slack:delivery:" + post.Id, "{}", None);
            await store.MarkDeliveredAsync(post.Id, T0, None);

            Assert.Equal(1, (await store.RemoveFinishedPostsAsync(T0.AddDays(30), T0.AddDays(30), 10, None)).Posts);
            Assert.Equal(1, (await store.PurgeAsync([incidentId], T0.AddDays(30), None)).Incidents);
        }

        await using (var reopened = OpenStore())
        {
            Assert.Null(await reopened.GetIncidentAsync(incidentId, None));
            Assert.Empty(await reopened.GetTimelineAsync(incidentId, None));
            Assert.Null(await reopened.FindLatestIncidentAsync(channel, None));
            Assert.Null(await reopened.GetAsync(post.Id, None));
            Assert.Null(await reopened.GetStateAsync("slack:delivery:" + post.Id, None));
            Assert.Equal(0, (await reopened.QueryIncidentsAsync(new(), None)).Total);
            Assert.Equal(2, (await reopened.OpenIncidentAsync(channel, Create(channel, T0.AddDays(40)), None)).Incident.Number);
        }
    }

    /// <summary>LiteDB's EXPLAIN names <paramref name="index"/> and reads a part of it, not the whole collection.</summary>
    private static void AssertIndexRead(ILiteCollection<BsonDocument> collection, BsonExpression query, string index)
    {
        var plan = collection.Query().Where(query).GetPlan()["index"];

        Assert.Equal(index, plan["name"].AsString);
        Assert.StartsWith("INDEX ", plan["mode"].AsString);
        Assert.DoesNotContain("FULL", plan["mode"].AsString);
    }

    private static OutboxItem Post(string requestId, string? incidentId = null)
    {
        var channel = Channel();
        return new OutboxItem
        {
            Id = OutboxItem.MakeId(channel, requestId, 0),
            Post = new AnnouncementPost(channel, ChatText.Of(requestId)),
            IncidentId = incidentId,
            EnqueuedAt = T0,
            NextAttemptAt = T0,
        };
    }
}
