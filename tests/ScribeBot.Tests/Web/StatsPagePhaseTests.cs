using ScribeBot.Web.Dashboard;

namespace ScribeBot.Tests.Web;

/// <summary>The stats page's "Median time per phase" table, from incidents run through chat as responders would.</summary>
public sealed class StatsPagePhaseTests : DashboardHostTest
{
    private static readonly DateTimeOffset Now = DashboardFixture.Now;
    private static readonly Person Alice = DashboardFixture.Alice;
    private static readonly Person Bo = DashboardFixture.Bo;

    [Fact]
    public async Task The_phase_table_gives_each_severitys_median_per_phase_with_how_many_incidents_had_it()
    {
        // SEV1, Tue Mar 17, declared 13:00 Berlin: impact began 12:50, detected 12:56, acknowledged after 2 minutes,
        // misled by the CDN from 13:05 until the rollback at 13:15, root cause at 13:20, resolved at 13:40.
        var a = Slack("C1");
        var t0 = Now.AddDays(-3);
        await Host.RunAsync(a, Alice, "start Checkout returns 502 sev1", t0);
        await Host.RunAsync(a, Alice, "detected 5xx alert at 12:56", t0.AddMinutes(1));
        await Host.RunAsync(a, Alice, "began 12:50", t0.AddMinutes(1));
        await Host.RunAsync(a, Bo, "ack", t0.AddMinutes(2));
        await Host.SayAsync(a, "a1", Bo, "maybe the CDN is dropping connections?", t0.AddMinutes(5));
        await Host.TagAsync(a, "a1", TimelineTag.Misleading, Alice);
        await Host.SayAsync(a, "a2", Alice, "rolling back payments-api", t0.AddMinutes(15));
        await Host.TagAsync(a, "a2", TimelineTag.Action, Alice);
        await Host.RunAsync(a, Alice, "rootcause the pool was set to 5 instead of 50", t0.AddMinutes(20));
        await Host.RunAsync(a, Alice, "resolve rolled back", t0.AddMinutes(40));

        // SEV1, acknowledged after 4 minutes and resolved after an hour; SEV3, acknowledged after a minute, still open.
        var b = Slack("C2");
        var t1 = Now.AddDays(-2);
        await Host.RunAsync(b, Alice, "start Search is slow sev1", t1);
        await Host.RunAsync(b, Bo, "ack", t1.AddMinutes(4));
        await Host.RunAsync(b, Alice, "resolve", t1.AddMinutes(60));
        var c = Slack("C3");
        var t2 = Now.AddDays(-1);
        await Host.RunAsync(c, Alice, "start Emails are late sev3", t2);
        await Host.RunAsync(c, Bo, "ack", t2.AddMinutes(1));

        var html = await Host.PageAsync("/stats");

        Assert.Contains($"<h2 id=\"{PhaseTable.Id}-heading\">Median time per phase</h2>", html, StringComparison.Ordinal);
        Assert.Equal(
            [
                ["SEV1", "6 min (n=1)", "3 min (n=2)", "20 min (n=1)", "50 min (n=2)", "10 min (n=1)"],
                ["SEV3", "-", "1 min (n=1)", "-", "-", "-"],
                ["All", "6 min (n=1)", "2 min (n=3)", "20 min (n=1)", "50 min (n=2)", "10 min (n=1)"],
            ],
            Html.TableRows(html, PhaseTable.Id));
        // Each cell carries its column's name, which is what a phone shows when the rows stack.
        Assert.Contains("<td data-label=\"Root cause\">20 min (n=1)</td>", html, StringComparison.Ordinal);
    }

    private static ChannelRef Slack(string channel) => new(ChatPlatform.Slack, "T9", channel);
}
