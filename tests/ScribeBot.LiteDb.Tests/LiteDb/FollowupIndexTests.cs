using ScribeBot.Core.Followups;

namespace ScribeBot.LiteDb.Tests.LiteDb;

/// <summary>A file written before the follow-up indexes existed gets them, from its documents, when it is next opened.</summary>
public sealed class FollowupIndexTests : DataFileTests
{
    [Fact]
    public async Task Links_stored_before_the_indexes_existed_are_found_by_their_creation()
    {
        var channel = Channel("C1");
        var link = new FollowupLink("jira", "OPS-7", "https://example.atlassian.net/browse/OPS-7", FollowupState.Open, T0.AddDays(1));
        await using (var store = OpenStore())
        {
            var incident = (await store.OpenIncidentAsync(channel, Create(channel, T0), CancellationToken.None)).Incident;
            await store.SaveIncidentAsync(
                incident with { Tasks = [new IncidentTask("Add a canary", null) { Number = 1, Followup = link }], TaskSequence = 1 }, [], [], CancellationToken.None);
        }

        // As an older version left the file: the documents hold the links, no index does.
        using (var database = LiteDbIncidentStore.OpenDatabase(StorePath))
        {
            foreach (var tasks in StoreSchema.FollowupTaskLists)
            {
                Assert.True(database.GetCollection(IncidentMapping.Collection).DropIndex(StoreSchema.FollowupIndexName(tasks)));
            }
        }

        await using (var reopened = OpenStore())
        {
            var found = Assert.Single(await reopened.MeasureFollowupsAsync(null, T0, CancellationToken.None));
            Assert.Equal(link, found.Link);
            Assert.Empty(await reopened.MeasureFollowupsAsync(null, link.CreatedAt.AddTicks(1), CancellationToken.None));
        }

        // Found by the rebuilt index, not by a scan that would hide its absence.
        using var upgraded = LiteDbIncidentStore.OpenDatabase(StorePath);
        var plan = upgraded.GetCollection(IncidentMapping.Collection).Query()
            .Where(StoreSchema.FollowupsCreatedSinceQuery(IncidentMapping.TasksField, T0)).GetPlan();
        Assert.Equal(StoreSchema.FollowupIndexName(IncidentMapping.TasksField), plan["index"]["name"].AsString);
    }
}
