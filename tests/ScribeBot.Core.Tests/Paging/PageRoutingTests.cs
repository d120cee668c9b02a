using ScribeBot.Core.Paging;
using ScribeBot.Core.Paging.Routing;
using static ScribeBot.Core.Tests.Paging.Pages;

namespace ScribeBot.Core.Tests.Paging;

public sealed class PageRoutingTests
{
    [Theory]
    [InlineData("P1", Severity.Sev1)]
    [InlineData("critical", Severity.Sev1)]
    [InlineData("P2", Severity.Sev2)]
    [InlineData("warning", Severity.Sev3)]
    [InlineData("P5", Severity.Sev4)]
    [InlineData(null, Severity.Sev3)]
    [InlineData("whatever", Severity.Sev3)]
    public void A_sources_priority_reads_as_a_severity(string? priority, Severity expected) =>
        Assert.Equal(expected, PageSeverity.Default(priority));

    [Fact]
    public void A_routes_own_severity_map_comes_before_the_built_in_table()
    {
        var options = Route();
        options.Severity["P1"] = "sev2";
        var route = Assert.Single(PageRouter.Read(new PageRoutingOptions { Routes = [options] }, out var failures));

        Assert.Empty(failures);
        Assert.Equal(Severity.Sev2, route.SeverityOf(PagerDuty(PageAction.Triggered, "E1", Fired)));
    }

    [Fact]
    public void A_bare_term_matches_any_labels_value_and_a_named_term_only_its_label()
    {
        var page = PagerDuty(PageAction.Triggered, "E1", Fired);

        Assert.True(Read(Route(match: "PSVC1")).Matches(page));
        Assert.True(Read(Route(match: "service=psvc1")).Matches(page));
        Assert.False(Read(Route(match: "escalation_policy=PSVC1")).Matches(page));
        Assert.False(Read(Route(match: "PSVC1, team=payments")).Matches(page));
        Assert.False(Read(Route(source: "grafana")).Matches(page));
    }

    [Fact]
    public void A_teams_channel_key_keeps_the_colons_of_its_conversation_id()
    {
        var route = Read(Route(channel: "teams:72f988bf:19:abc@thread.tacv2"));

        Assert.Equal(new ChannelRef(ChatPlatform.Teams, "72f988bf", "19:abc@thread.tacv2"), route.Channel);
    }

    [Fact]
    public void Every_bad_route_is_refused_with_its_key_named()
    {
        var bad = Route(channel: "irc:#ops", source: "nagios", match: "team=");
        bad.Severity["P1"] = "sev9";

        var result = new PageRoutingOptionsValidator().Validate(null, new PageRoutingOptions { Routes = [Route(), bad] });

        Assert.True(result.Failed);
        Assert.Equal(
        [
            "Alerts:Routes:1:Source is 'nagios'; use pagerduty, opsgenie, alertmanager or grafana (or leave it empty for all).",
            "Alerts:Routes:1:Channel is 'irc:#ops'; write the channel's key, platform:workspace:channel (slack:T0123:C0456, teams:<tenant>:<conversation>, web:sandbox:1).",
            "Alerts:Routes:1:Match: 'team=' is not a matcher; write name=value (team=payments) or a bare value (PIJ90N7).",
            "Alerts:Routes:1:Severity:P1 is 'sev9'; use sev1, sev2, sev3 or sev4.",
        ], result.Failures);
    }

    private static PageRoute Read(PageRouteOptions options)
    {
        var routes = PageRouter.Read(new PageRoutingOptions { Routes = [options] }, out var failures);
        Assert.Empty(failures);
        return Assert.Single(routes);
    }
}
