namespace ScribeBot.Tests.Web;

public sealed class IncidentsListTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private ScribeBotApplication Host => fixture.Host;

    private string Id(string name) => name switch
    {
        "Checkout" => fixture.Checkout.Id,
        "Search" => fixture.Search.Id,
        "Hostile" => fixture.Hostile.Id,
        "Login" => fixture.Login.Id,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Fact]
    public async Task The_list_shows_every_platform_newest_declared_first_25_to_a_page()
    {
        var html = await Host.PageAsync("/");

        var rows = Html.IncidentRows(html);
        Assert.Equal(25, rows.Count);
        Assert.Equal([fixture.Hostile.Id, fixture.Search.Id, fixture.Checkout.Id, fixture.Login.Id, "web:load:1", "web:load:2"], rows.Take(6));
        Assert.Contains("30 incidents, newest first. Showing 1-25.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_shows_number_title_severity_status_channel_platform_start_durations_and_links()
    {
        var html = await Host.PageAsync("/");

        var row = Html.RowOf(html, fixture.Checkout.Id);
        Assert.Equal(
            ["INC-1", "Checkout returns 502", "SEV2", "resolved", "C1", "slack", "Mar 17, 2026 11:00 Europe/Berlin (CET)", "50 minutes", "4 minutes", "50 minutes", "Postmortem"],
            Html.Cells(row));
        Assert.Contains("href=\"/incidents/slack%3AT1%3A1\"", row, StringComparison.Ordinal);
        Assert.Contains("href=\"/incidents/slack%3AT1%3A1/postmortem\"", row, StringComparison.Ordinal);

        var search = Html.Cells(Html.RowOf(html, fixture.Search.Id));
        Assert.Equal(["acknowledged", "teams", "ongoing (2 days so far)", "10 minutes", "ongoing"], new[] { search[3], search[5], search[7], search[8], search[9] });
        Assert.Equal("not acknowledged", Html.Cells(Html.RowOf(html, fixture.Login.Id))[8]);
    }

    [Theory]
    [InlineData("status=resolved", "Hostile", "Checkout")]
    [InlineData("status=acknowledged", "Search")]
    [InlineData("severity=sev3", "Search")]
    [InlineData("severity=SEV2&platform=Slack", "Checkout")]
    [InlineData("platform=teams", "Search")]
    [InlineData("platform=slack", "Checkout", "Login")]
    [InlineData("platform=slack&status=triggered", "Login")]
    [InlineData("status=resolved&severity=sev1&platform=web", "Hostile")]
    public async Task Filters_by_status_severity_and_platform_combine(string query, params string[] expectedRows)
    {
        var html = await Host.PageAsync("/?" + query);

        Assert.Equal(expectedRows.Select(Id), Html.IncidentRows(html));
        Assert.DoesNotContain("role=\"alert\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_filter_form_is_a_get_form_that_keeps_the_chosen_values()
    {
        var html = await Host.PageAsync("/?status=resolved&platform=web");

        TextAssert.ContainsAll(
            html,
            "<form method=\"get\" action=\"/\"",
            "<option value=\"resolved\" selected=\"selected\">",
            "<option value=\"web\" selected=\"selected\">",
            "Clear filters");
        Assert.DoesNotContain("<option value=\"sev1\" selected", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_link_to_each_other_keeping_the_filters()
    {
        var first = await Host.PageAsync("/?platform=web&severity=sev4");
        var second = await Host.PageAsync("/?platform=web&severity=sev4&page=2");

        var firstRows = Html.IncidentRows(first);
        var secondRows = Html.IncidentRows(second);
        Assert.Equal(25, firstRows.Count);
        Assert.Equal(["web:load:26"], secondRows);
        Assert.Equal(Enumerable.Range(1, 26).Select(i => $"web:load:{i}"), firstRows.Concat(secondRows));
        TextAssert.ContainsAll(first, "<a rel=\"next\" href=\"/?severity=sev4&amp;platform=web&amp;page=2\">", "Page 1 of 2");
        Assert.DoesNotContain("rel=\"prev\"", first, StringComparison.Ordinal);
        TextAssert.ContainsAll(second, "<a rel=\"prev\" href=\"/?severity=sev4&amp;platform=web\">", "Showing 26-26.");
        Assert.DoesNotContain("rel=\"next\"", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_past_the_end_is_an_empty_state_pointing_to_the_last_page()
    {
        var (status, html) = await Host.GetPageAsync("/?platform=web&severity=sev4&page=5");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(Html.IncidentRows(html));
        TextAssert.ContainsAll(
            html,
            "Page 5 is past the end: 26 incidents match, on 2 pages.",
            "<a href=\"/?severity=sev4&amp;platform=web&amp;page=2\">Go to the last page</a>",
            "<a rel=\"prev\" href=\"/?severity=sev4&amp;platform=web&amp;page=2\">");
    }

    [Fact]
    public async Task Unknown_filter_values_are_named_and_ignored()
    {
        var (status, html) = await Host.GetPageAsync("/?status=open&severity=sev9&platform=irc&page=first");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(25, Html.IncidentRows(html).Count);
        var problems = System.Text.RegularExpressions.Regex.Matches(html, "<p class=\"error filter-problem\" role=\"alert\">(.*?)</p>")
            .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Equal(
            [
                "Unknown status \"open\", so every status is shown. Choose one of: triggered, acknowledged, resolved.",
                "Unknown severity \"sev9\", so every severity is shown. Choose one of: sev1, sev2, sev3, sev4.",
                "Unknown platform \"irc\", so every platform is shown. Choose one of: slack, teams, web.",
                "\"first\" is not a page number; showing page 1.",
            ],
            problems);
    }

    [Fact]
    public async Task Filters_matching_nothing_say_so()
    {
        var html = await Host.PageAsync("/?platform=teams&status=resolved");

        Assert.Empty(Html.IncidentRows(html));
        Assert.Contains("No incidents match these filters.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_number_links_to_the_incident_page_through_the_escaped_id()
    {
        var list = await Host.PageAsync("/?platform=teams");
        var href = System.Text.RegularExpressions.Regex.Match(Html.RowOf(list, fixture.Search.Id), "<a href=\"([^\"]+)\">INC-1</a>").Groups[1].Value;

        var page = await Host.PageAsync(WebUtility.HtmlDecode(href));

        Assert.Equal("/incidents/teams%3Atenant-1%3A1", href);
        Assert.Contains("INC-1: Search is slow", page, StringComparison.Ordinal);
        Assert.Equal(IncidentStatus.Acknowledged, fixture.Search.Status);
    }
}
