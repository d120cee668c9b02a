using ScribeBot.Core.Metrics;
using ScribeBot.Core.Paging;
using static ScribeBot.Testing.Storage.Samples;

namespace ScribeBot.Testing.Storage;

/// <summary>What statistics read (measures, not incidents) and the dashboard order where instants tie.</summary>
public abstract partial class IncidentStoreContract
{
    [Fact]
    public async Task Measures_carry_each_incidents_durations_and_follow_its_changes()
    {
        var incident = await OpenAsync(Channel("C1"), T0);
        var acknowledged = incident with
        {
            Status = IncidentStatus.Acknowledged,
            Severity = Severity.Sev1,
            Acknowledged = new Milestone(T0.AddMinutes(5), Alice),
        };
        await Store.SaveIncidentAsync(acknowledged, [], [], None);
        var whileOpen = await Store.MeasureIncidentsAsync(incident.Channel.WorkspaceKey, T0, None);

        await ResolveAsync(acknowledged);
        var afterResolve = await Store.MeasureIncidentsAsync(incident.Channel.WorkspaceKey, T0, None);

        Assert.Equal(
            new IncidentMeasure(T0, Severity.Sev1, TimeSpan.FromMinutes(5), null, Phases: Phases(ack: 5)),
            Assert.Single(whileOpen));
        Assert.Equal(
            new IncidentMeasure(T0, Severity.Sev1, TimeSpan.FromMinutes(5), TimeSpan.FromHours(1), Phases: Phases(ack: 5, resolve: 60)),
            Assert.Single(afterResolve));
    }

    [Fact]
    public async Task A_paged_incidents_measure_carries_the_page_source_and_service_its_clocks_run_from()
    {
        var checkout = await PageAsync(await OpenAsync(Channel("C1"), T0), PageSource.PagerDuty, "checkout-api", ackAfter: 7);
        var sameService = await PageAsync(await OpenAsync(Channel("C2"), T0.AddHours(1)), PageSource.Alertmanager, "checkout-api", ackAfter: 4);
        var noService = await PageAsync(await OpenAsync(Channel("C3"), T0.AddHours(2)), PageSource.Grafana, service: null, ackAfter: 3);
        await OpenAsync(Channel("C4"), T0.AddHours(3));

        var measures = (await Store.MeasureIncidentsAsync(null, T0, None)).OrderBy(m => m.Declared).ToArray();

        // Each page fired two minutes before the declaration: MTTA runs from it.
        Assert.Equal(
            [
                new IncidentMeasure(T0, Severity.Sev2, TimeSpan.FromMinutes(7), null, PageSource.PagerDuty, "checkout-api", Phases(ack: 7)),
                new IncidentMeasure(sameService.Declared.At, Severity.Sev2, TimeSpan.FromMinutes(4), null, PageSource.Alertmanager, "checkout-api", Phases(ack: 4)),
                new IncidentMeasure(noService.Declared.At, Severity.Sev2, TimeSpan.FromMinutes(3), null, PageSource.Grafana, Phases: Phases(ack: 3)),
                new IncidentMeasure(T0.AddHours(3), Severity.Sev2, null, null),
            ],
            measures);
        Assert.Equal(checkout.Declared.At, measures[0].Declared);
    }

    private static PhaseDurations Phases(int? ack = null, int? resolve = null) =>
        PhaseDurations.FromSeconds(null, ack * 60, null, resolve * 60, null);

    /// <summary>Links a page that fired two minutes before the declaration, acknowledged <paramref name="ackAfter"/> minutes after it fired.</summary>
    private async Task<Incident> PageAsync(Incident incident, PageSource source, string? service, int ackAfter)
    {
        var triggered = incident.Declared.At.AddMinutes(-2);
        var paged = incident with
        {
            Page = new PageLink(source, $"alert-{incident.Number}", triggered, "High error rate", service),
            Status = IncidentStatus.Acknowledged,
            Acknowledged = new Milestone(triggered.AddMinutes(ackAfter), Alice),
        };
        await Store.SaveIncidentAsync(paged, [], [], None);
        return paged;
    }

    [Fact]
    public async Task Measures_are_of_one_workspace_or_all_declared_since_an_instant()
    {
        var first = await OpenAsync(Channel("C1", "T1"), T0);
        var second = await OpenAsync(Channel("C2", "T1"), T0.AddHours(2));
        var teams = await OpenAsync(Channel("19:a@thread.tacv2", "tenant", ChatPlatform.Teams), T0.AddHours(3));

        var workspace = await Store.MeasureIncidentsAsync(first.Channel.WorkspaceKey, T0, None);
        var recent = await Store.MeasureIncidentsAsync(null, T0.AddHours(1), None);
        var teamsOnly = await Store.MeasureIncidentsAsync(teams.Channel.WorkspaceKey, T0, None);
        var unknown = await Store.MeasureIncidentsAsync("slack:nobody", T0.AddYears(-5), None);
        var none = await Store.MeasureIncidentsAsync(null, T0.AddHours(4), None);

        Assert.Equal([T0, second.Declared.At], workspace.Select(m => m.Declared).Order());
        Assert.Equal([second.Declared.At, teams.Declared.At], recent.Select(m => m.Declared).Order());
        Assert.Equal(teams.Declared.At, Assert.Single(teamsOnly).Declared);
        Assert.Empty(unknown);
        Assert.Empty(none);
    }

    [Fact]
    public async Task Incidents_declared_at_the_same_instant_are_listed_by_id()
    {
        var opened = new List<Incident>();
        for (var i = 0; i < 11; i++)
        {
            opened.Add(await OpenAsync(Channel($"C{i}"), T0));
        }

        var page = await Store.QueryIncidentsAsync(new IncidentQuery { Take = 3 }, None);

        // Ordinal order of "slack:T1:1", "slack:T1:10", "slack:T1:11", "slack:T1:2", ...
        Assert.Equal(opened.Select(i => i.Id).Order(StringComparer.Ordinal).Take(3), page.Items.Select(i => i.Id));
        Assert.Equal(11, page.Total);
    }
}
