using static ScribeBot.Testing.Storage.Samples;

namespace ScribeBot.Testing.Storage;

/// <summary>The dashboard's query: every workspace and platform, filtered, newest first, one page at a time.</summary>
public abstract partial class IncidentStoreContract
{
    [Fact]
    public async Task A_query_lists_every_workspace_and_platform_newest_first_a_page_at_a_time()
    {
        var slackOld = await OpenAsync(Channel("C1", "T1"), T0);
        var teams = await OpenAsync(Channel("19:a@thread.tacv2", "tenant", ChatPlatform.Teams), T0.AddHours(1));
        var web = await OpenAsync(Channel("sandbox", "web", ChatPlatform.Web), T0.AddHours(2));
        var slackNew = await OpenAsync(Channel("C2", "T2"), T0.AddHours(3));
        await ResolveAsync(teams);

        var all = await Store.QueryIncidentsAsync(new IncidentQuery(), None);
        var second = await Store.QueryIncidentsAsync(new IncidentQuery { Skip = 2, Take = 2 }, None);
        var slack = await Store.QueryIncidentsAsync(new IncidentQuery { Platform = ChatPlatform.Slack }, None);
        var resolved = await Store.QueryIncidentsAsync(new IncidentQuery { Status = IncidentStatus.Resolved }, None);
        var recent = await Store.QueryIncidentsAsync(new IncidentQuery { DeclaredSince = T0.AddHours(2) }, None);

        Assert.Equal([slackNew.Id, web.Id, teams.Id, slackOld.Id], all.Items.Select(i => i.Id));
        Assert.Equal(4, all.Total);
        Assert.Equal([teams.Id, slackOld.Id], second.Items.Select(i => i.Id));
        Assert.Equal(4, second.Total);
        Assert.Equal([slackNew.Id, slackOld.Id], slack.Items.Select(i => i.Id));
        Assert.Equal(teams.Id, Assert.Single(resolved.Items).Id);
        Assert.Equal([slackNew.Id, web.Id], recent.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task A_query_filters_by_severity_and_a_page_past_the_end_is_empty()
    {
        var sev3 = await OpenAsync(Channel("C1"), T0);
        var sev1 = await OpenAsync(Channel("C2"), T0.AddMinutes(1));
        await Store.SaveIncidentAsync(sev1 with { Severity = Severity.Sev1 }, [], [], None);

        var page = await Store.QueryIncidentsAsync(new IncidentQuery { Severity = Severity.Sev1 }, None);
        var beyond = await Store.QueryIncidentsAsync(new IncidentQuery { Skip = 10 }, None);

        Assert.Equal(sev1.Id, Assert.Single(page.Items).Id);
        Assert.Equal(1, page.Total);
        Assert.Empty(beyond.Items);
        Assert.Equal(2, beyond.Total);
        Assert.NotEqual(Severity.Sev1, sev3.Severity);
    }
}
