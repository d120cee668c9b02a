namespace ScribeBot.LiteDb.Tests.LiteDb;

/// <summary>
/// The reads every request makes are answered by an index, never by reading the whole collection: LiteDB's query plan
/// (its EXPLAIN) names the index and seeks or scans a range of it.
/// </summary>
public sealed class QueryPlanTests : DataFileTests
{
    public static TheoryData<string, string> Queries => new()
    {
        { IncidentMapping.Collection, "open incident of a channel" },
        { IncidentMapping.Collection, "every open incident" },
        { OutboxMapping.Collection, "pending posts of a platform" },
        { IncidentMapping.Collection, "follow-ups created since" },
        { IncidentMapping.Collection, "removed tasks' follow-ups created since" },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task The_query_uses_its_index(string collection, string read)
    {
        await using (var store = OpenStore())
        {
            // Enough documents that a full scan and an index read are told apart by the plan, not by luck.
            for (var i = 0; i < 20; i++)
            {
                var channel = Channel($"C{i}");
                await store.OpenIncidentAsync(channel, Create(channel, T0.AddDays(-i)), CancellationToken.None);
            }
        }

        using var database = LiteDbIncidentStore.OpenDatabase(StorePath);
        var query = read switch
        {
            "open incident of a channel" => StoreSchema.OpenIncidentQuery(Channel("C3").Key),
            "every open incident" => StoreSchema.AllOpenIncidentsQuery(),
            "follow-ups created since" => StoreSchema.FollowupsCreatedSinceQuery(IncidentMapping.TasksField, T0),
            "removed tasks' follow-ups created since" => StoreSchema.FollowupsCreatedSinceQuery(IncidentMapping.RemovedTasksField, T0),
            _ => StoreSchema.PendingOutboxQuery(ChatPlatform.Slack),
        };

        var plan = database.GetCollection(collection).Query().Where(query).GetPlan();
        var mode = plan["index"]["mode"].AsString;

        Assert.StartsWith("INDEX ", mode);
        Assert.DoesNotContain("FULL", mode);
        Assert.NotEqual("_id", plan["index"]["name"].AsString);
    }
}
