using LiteDB;
using ScribeBot.Core.Commands;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Outbox;
using ScribeBot.Core.Text;
using ScribeBot.LiteDb.Mapping;
using static ScribeBot.LiteDb.Tests.Contract.Samples;

namespace ScribeBot.LiteDb.Tests.LiteDb;

/// <summary>
/// Retention and purge on the file: the reads they make are index reads (LiteDB's EXPLAIN), and what they remove stays
/// removed after the file is opened again.
/// </summary>
public sealed class RetentionStoreTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    public static TheoryData<string, string> Queries => new()
    {
        { OutboxMapping.Collection, "posts delivered before a day" },
        { OutboxMapping.Collection, "posts abandoned before a day" },
        { OutboxMapping.Collection, "posts of an incident" },
        { AdapterStateMapping.Collection, "records a post owns" },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task The_query_uses_its_index(string collection, string read)
    {
        var path = _directory.File("store.db");
        await using (var store = StoreFactory.Open(path))
        {
            // Enough documents, in every state, that a full scan and an index read are told apart by the plan.
            for (var i = 0; i < 20; i++)
            {
                var item = Post($"r{i}", incidentId: $"slack:T1:{i}");
                await store.EnqueueAsync([item], None);
                await store.SetItemStateAsync(item.Id, $"slack:delivery:{item.Id}", "{}", None);
                await store.SetStateAsync($"names:{i}", "x", None);
                switch (i % 3)
                {
                    case 0:
                        await store.MarkDeliveredAsync(item.Id, T0.AddDays(i), None);
                        break;
                    case 1:
                        await store.AbandonAsync(item.Id, "gone", T0.AddDays(i), None);
                        break;
                }
            }
        }

        using var database = LiteDbIncidentStore.OpenDatabase(path);
        var query = read switch
        {
            "posts delivered before a day" => StoreSchema.DeliveredBeforeQuery(T0.AddDays(5)),
            "posts abandoned before a day" => StoreSchema.AbandonedBeforeQuery(T0.AddDays(5)),
            "posts of an incident" => StoreSchema.PostsOfIncidentQuery("slack:T1:3"),
            _ => StoreSchema.StateOwnedByQuery(Post("r3").Id),
        };

        var plan = database.GetCollection(collection).Query().Where(query).GetPlan();
        var mode = plan["index"]["mode"].AsString;

        Assert.StartsWith("INDEX ", mode);
        Assert.DoesNotContain("FULL", mode);
        Assert.NotEqual("_id", plan["index"]["name"].AsString);
    }

    [Fact]
    public async Task The_finished_post_ranges_hold_no_pending_post()
    {
        var path = _directory.File("store.db");
        await using (var store = StoreFactory.Open(path))
        {
            await store.EnqueueAsync([Post("pending")], None);
            var delivered = Post("delivered");
            await store.EnqueueAsync([delivered], None);
            await store.MarkDeliveredAsync(delivered.Id, T0, None);
        }

        using var database = LiteDbIncidentStore.OpenDatabase(path);
        var outbox = database.GetCollection(OutboxMapping.Collection);

        Assert.Equal(["delivered"], outbox.Find(StoreSchema.DeliveredBeforeQuery(T0.AddYears(100))).Select(d => d["_id"].AsString.Split('/')[1]));
        Assert.Empty(outbox.Find(StoreSchema.AbandonedBeforeQuery(T0.AddYears(100))));
    }

    [Fact]
    public async Task What_retention_and_a_purge_removed_stays_removed_after_the_file_is_opened_again()
    {
        var path = _directory.File("store.db");
        var channel = Channel();
        string incidentId;
        var post = Post("old");
        await using (var store = StoreFactory.Open(path))
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

        await using (var reopened = StoreFactory.Open(path))
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
