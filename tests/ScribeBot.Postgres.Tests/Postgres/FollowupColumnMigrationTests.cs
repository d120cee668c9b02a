using ScribeBot.Core.Followups;

namespace ScribeBot.Postgres.Tests.Postgres;

/// <summary>Migration 4 fills the follow-up creation column from the documents of incidents stored before it.</summary>
public sealed class FollowupColumnMigrationTests(PostgresFixture postgres) : PostgresStoreTestBase(postgres)
{
    [Fact]
    public async Task Links_stored_before_migration_4_are_found_by_their_creation_after_it()
    {
        var database = await NewDatabaseAsync();
        var channel = Channel();
        // Past the microsecond PostgreSQL keeps, so the backfill's rounding is exercised.
        var link = new FollowupLink("github", "octo/app#1", "https://github.com/octo/app/issues/1", FollowupState.Open, T0.AddDays(1).AddTicks(7));
        var removed = new FollowupLink("github", "octo/app#2", "https://github.com/octo/app/issues/2", FollowupState.Closed, T0.AddDays(2));
        await using (var current = await StoreFactory.OpenAsync(database))
        {
            var incident = (await current.OpenIncidentAsync(channel, Create(channel), None)).Incident;
            await current.SaveIncidentAsync(
                incident with
                {
                    Tasks = [new IncidentTask("Add a canary", null) { Number = 1, Followup = link }],
                    RemovedTasks = [new IncidentTask("Old idea", null) { Number = 2, Followup = removed }],
                    TaskSequence = 2,
                },
                [],
                [],
                None);
        }

        // As a version 3 database held it: no column, the links only in the document.
        await Sql.ExecuteAsync(database, "ALTER TABLE incidents DROP COLUMN followup_created_ticks; DELETE FROM schema_version WHERE version = 4");
        var upgraded = await OpenStoreAsync(database);

        Assert.Equal([link, removed], (await upgraded.MeasureFollowupsAsync(null, link.CreatedAt, None)).Select(f => f.Link).OrderBy(l => l.CreatedAt));
        Assert.Equal(removed, Assert.Single(await upgraded.MeasureFollowupsAsync(null, link.CreatedAt.AddTicks(1), None)).Link);
        Assert.Empty(await upgraded.MeasureFollowupsAsync(null, removed.CreatedAt.AddTicks(1), None));
    }
}
