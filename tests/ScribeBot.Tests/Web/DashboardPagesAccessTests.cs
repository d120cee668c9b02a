namespace ScribeBot.Tests.Web;

/// <summary>Every dashboard page, the postmortem editor and its download included, sits behind the Dashboard policy.</summary>
public sealed class DashboardPagesAccessTests
{
    [Theory]
    [InlineData("/?status=resolved")]
    [InlineData("/incidents/slack%3AT1%3A1")]
    [InlineData("/incidents/nope")]
    [InlineData("/stats?days=7")]
    [InlineData("/incidents/slack%3AT1%3A1/postmortem")]
    [InlineData("/incidents/slack%3AT1%3A1/postmortem.html")]
    public async Task The_dashboard_pages_refuse_a_request_not_from_loopback(string path)
    {
        await NotFromLoopback.AssertBare403Async(path);
    }
}
