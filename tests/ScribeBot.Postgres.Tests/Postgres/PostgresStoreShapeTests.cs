using ScribeBot.Core.Metrics;
using ScribeBot.Core.Paging;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Postgres.Tests.Postgres;

/// <summary>What the PostgreSQL store keeps beyond the contract: statistics from columns, documents that read back whole.</summary>
public sealed class PostgresStoreShapeTests(PostgresFixture postgres) : PostgresStoreTestBase(postgres)
{
    [Fact]
    public async Task Measures_are_read_from_their_columns_never_from_the_incident_documents()
    {
        var (database, store) = await StoreOnNewDatabaseAsync();
        var declared = new DateTimeOffset(2026, 3, 2, 16, 0, 0, TimeSpan.FromHours(2));
        var opened = (await store.OpenIncidentAsync(Channel(), Create(Channel(), declared), None)).Incident;
        var paged = opened with
        {
            Page = new PageLink(PageSource.PagerDuty, "Q1", declared.AddMinutes(-3), "High error rate", "checkout-api"),
            Status = IncidentStatus.Resolved,
            Acknowledged = new Milestone(declared.AddMinutes(4), Alice),
            Resolved = new Milestone(declared.AddMinutes(50), Alice),
        };
        await store.SaveIncidentAsync(paged, [], [], None);

        // Statistics over years of history must not load incidents: with the documents gone, measures still answer.
        await Sql.ExecuteAsync(database, "UPDATE incidents SET doc = '{}'::jsonb");
        var measure = Assert.Single(await store.MeasureIncidentsAsync(Channel().WorkspaceKey, T0, None));

        Assert.Equal(IncidentMeasure.Of(paged, []), measure);
        Assert.Equal(TimeSpan.FromHours(2), measure.Declared.Offset);
    }

    [Fact]
    public async Task The_list_reads_outages_from_their_columns_and_measures_rows_written_before_them_from_their_tagged_entries()
    {
        var (database, store) = await StoreOnNewDatabaseAsync();
        var opened = (await store.OpenIncidentAsync(Channel(), Create(Channel(), T0), None)).Incident;
        var resolved = opened with { Status = IncidentStatus.Resolved, Resolved = new Milestone(T0.AddHours(1), Alice) };
        var detection = Entry(opened.Id, "alert", T0.AddMinutes(-10)) with { Marks = [new TagMark(TimelineTag.Detection, Alice.Id)] };
        await store.SaveIncidentAsync(resolved, [detection], [], None);
        var expected = new ScribeBot.Core.Facts.OutageWindow(T0.AddMinutes(-10), new MeasuredSpan(TimeSpan.FromMinutes(70), false));

        var columns = await Sql.QueryAsync(database, "SELECT outage_start_ticks, outage_ticks FROM incidents", r => (r.GetInt64(0), r.GetInt64(1)));
        // A row migration 2 added the columns to, and nothing refreshed since, has no outage start yet.
        await Sql.ExecuteAsync(database, "UPDATE incidents SET outage_start_ticks = NULL, outage_ticks = NULL");
        var page = await store.QueryIncidentsAsync(new IncidentQuery(), None);

        Assert.Equal((T0.AddMinutes(-10).UtcTicks, TimeSpan.FromMinutes(70).Ticks), Assert.Single(columns));
        Assert.Equal(expected, page.OutageOf(Assert.Single(page.Items)));
    }

    [Fact]
    public async Task A_message_carrying_a_nul_character_is_stored_with_a_replacement_character_rather_than_refused()
    {
        var (_, store) = await StoreOnNewDatabaseAsync();
        var incident = (await store.OpenIncidentAsync(Channel(), Create(Channel(), T0), None)).Incident;

        var appended = await store.AppendEntryAsync(Entry(incident.Id, "m1", T0, "pasted \0binary"), None);
        var retitled = incident with { Title = "cache\0key" };
        await store.SaveIncidentAsync(retitled, [], [], None);

        Assert.Equal(AppendResult.Added, appended);
        Assert.Equal("pasted \uFFFDbinary", Assert.Single(await store.GetTimelineAsync(incident.Id, None)).Text);
        Assert.Equal("cache\uFFFDkey", (await store.GetIncidentAsync(incident.Id, None))!.Title);
    }

    [Fact]
    public async Task An_incident_and_an_entry_with_every_field_set_read_back_as_written()
    {
        var (_, store) = await StoreOnNewDatabaseAsync();
        var at = new DateTimeOffset(2026, 3, 2, 14, 0, 0, 123, TimeSpan.FromMinutes(-150)).AddTicks(4567);
        var incident = Incident(Channel(), 1, at) with
        {
            Status = IncidentStatus.Acknowledged,
            Commander = new Person("U2", "Bo \"the\" Lee"),
            ImpactBegan = new Milestone(at.AddMinutes(-9), Alice, "req-1"),
            Detected = new Milestone(at.AddMinutes(-5), Alice),
            Acknowledged = new Milestone(at.AddMinutes(2), Alice, "req-2"),
            DetectionMethod = "alert",
            Impact = "checkout down 😀",
            UsersAffectedPercent = 12.50m,
            RootCause = "a bad deploy",
            Improvements = ["canary", "alert earlier"],
            Tasks = [new IncidentTask("add a canary", "U2"), new IncidentTask("write runbook", null)],
            ReopenCount = 1,
            CommandSequence = 7,
            Page = new PageLink(PageSource.Opsgenie, "A-1", at.AddMinutes(-1), "Latency", null, "https://ops.example/a/1"),
            PageKeys = ["opsgenie:A-1", "pagerduty:Q2"],
        };
        var entry = Entry(incident.Id, "1700000000.000100", at, "deploy 42 <rolled back>") with
        {
            ThreadId = "1700000000.000001",
            Permalink = "https://slack.example/p1",
            Source = EntrySource.Command,
            Marks = [new TagMark(TimelineTag.KeyEvent, "U1")],
            Edits = [new TextRevision("deploy 41", at.AddSeconds(30))],
            Deleted = true,
        };

        await store.SaveIncidentAsync(incident, [entry], [], None);

        AssertSame(incident, await store.GetIncidentAsync(incident.Id, None));
        AssertSame(entry, await store.GetEntryAsync(incident.Id, entry.MessageId, None));
        Assert.Equal(at.Offset, (await store.GetIncidentAsync(incident.Id, None))!.Declared.At.Offset);
    }
}
