using ScribeBot.Core.Paging;
using ScribeBot.Web.Dashboard;

namespace ScribeBot.Tests.Web;

/// <summary>The stats page when some incidents were paged: which clock each figure uses, and MTTA/MTTR by source and service.</summary>
public sealed class StatsPageClockTests : DashboardHostTest
{
    private static readonly DateTimeOffset Now = DashboardFixture.Now;

    [Fact]
    public async Task Paged_incidents_are_summarised_by_page_source_and_service_and_the_page_says_which_clock_each_figure_uses()
    {
        // PagerDuty: acknowledged 4 and 6 minutes after the page (median 5), resolved after 30 and 50 (median 40).
        await PagedIncidents.SeedAsync(Host, Slack("C1"), PageSource.PagerDuty, "checkout-api", Now.AddDays(-2), ackAfter: 4, resolveAfter: 30);
        await PagedIncidents.SeedAsync(Host, Slack("C2"), PageSource.PagerDuty, "payments", Now.AddDays(-3), ackAfter: 6, resolveAfter: 50);
        await PagedIncidents.SeedAsync(Host, Slack("C3"), PageSource.Alertmanager, "checkout-api", Now.AddDays(-4), ackAfter: 10, resolveAfter: 20);
        await Host.RunAsync(Slack("C4"), DashboardFixture.Bo, "start Typed by hand sev3", Now.AddDays(-5));

        var html = await Host.PageAsync("/stats");

        Assert.Contains(
            "MTTA and MTTR run from the page for 3 of 4 incidents (PagerDuty 2, Alertmanager 1), from the declaration for the others.",
            html,
            StringComparison.Ordinal);
        Assert.Contains("MTTA and MTTR are measured from the page where the incident was paged, else from the declaration;", html, StringComparison.Ordinal);
        Assert.Equal(
            [
                ["PagerDuty page", "2", "mean 5 minutes, median 5 minutes, p90 6 minutes (2 acknowledged)", "mean 40 minutes, median 40 minutes, p90 50 minutes (2 resolved)"],
                ["Alertmanager page", "1", "mean 10 minutes, median 10 minutes, p90 10 minutes (1 acknowledged)", "mean 20 minutes, median 20 minutes, p90 20 minutes (1 resolved)"],
                [StatsTable.NotPaged, "1", "none acknowledged", "none resolved"],
            ],
            Rows(html, "by-page-source"));
        Assert.Equal(
            [
                ["checkout-api", "2", "mean 7 minutes, median 7 minutes, p90 10 minutes (2 acknowledged)", "mean 25 minutes, median 25 minutes, p90 30 minutes (2 resolved)"],
                ["payments", "1", "mean 6 minutes, median 6 minutes, p90 6 minutes (1 acknowledged)", "mean 50 minutes, median 50 minutes, p90 50 minutes (1 resolved)"],
            ],
            Rows(html, "by-service"));
    }

    [Fact]
    public async Task Without_a_paged_incident_there_are_no_source_or_service_tables()
    {
        await Host.RunAsync(Slack("C1"), DashboardFixture.Bo, "start Typed by hand sev3", Now.AddDays(-5));

        var html = await Host.PageAsync("/stats");

        Assert.Contains("MTTA and MTTR are measured from the declaration;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("by-page-source", html, StringComparison.Ordinal);
        Assert.DoesNotContain("by-service", html, StringComparison.Ordinal);
        Assert.Single(Rows(html, "by-severity"), row => row[0] == "SEV3");
    }

    private static ChannelRef Slack(string channel) => new(ChatPlatform.Slack, "T9", channel);

    private static List<string[]> Rows(string html, string tableId) => Html.TableRows(html, tableId);
}
