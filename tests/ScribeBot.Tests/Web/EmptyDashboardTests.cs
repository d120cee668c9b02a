namespace ScribeBot.Tests.Web;

public sealed class EmptyDashboardTests
{
    [Fact]
    public async Task A_new_install_shows_how_to_start_instead_of_an_empty_table_or_chart()
    {
        await using var host = await DashboardFixture.StartHostAsync();

        var list = await host.PageAsync("/");
        var stats = await host.PageAsync("/stats");

        Assert.Empty(Html.IncidentRows(list));
        Assert.Contains("No incidents yet.", list, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/sandbox\">sandbox</a>", list, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"next\"", list, StringComparison.Ordinal);
        Assert.Empty(Html.Svgs(stats));
        Assert.Contains("No incidents were declared in the last 30 days", stats, StringComparison.Ordinal);
    }
}
