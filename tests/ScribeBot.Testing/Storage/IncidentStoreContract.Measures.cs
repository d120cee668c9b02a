using ScribeBot.Core.Metrics;
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

        Assert.Equal(new IncidentMeasure(T0, Severity.Sev1, TimeSpan.FromMinutes(5), null), Assert.Single(whileOpen));
        Assert.Equal(new IncidentMeasure(T0, Severity.Sev1, TimeSpan.FromMinutes(5), TimeSpan.FromHours(1)), Assert.Single(afterResolve));
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
