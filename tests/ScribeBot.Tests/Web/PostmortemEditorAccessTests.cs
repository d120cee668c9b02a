namespace ScribeBot.Tests.Web;

/// <summary>The editor and the downloads sit behind the Dashboard policy like every other web page.</summary>
public sealed class PostmortemEditorAccessTests
{
    [Theory]
    [InlineData("GET", "/incidents/slack%3AT1%3A1/postmortem")]
    [InlineData("POST", "/incidents/slack%3AT1%3A1/postmortem?handler=Save")]
    [InlineData("POST", "/incidents/slack%3AT1%3A1/postmortem?handler=Post")]
    [InlineData("POST", "/incidents/slack%3AT1%3A1/postmortem?handler=Followups")]
    [InlineData("GET", "/incidents/slack%3AT1%3A1/postmortem.html")]
    public async Task A_request_not_from_loopback_gets_a_bare_403(string method, string path)
    {
        using var form = method == "POST" ? new FormUrlEncodedContent([new("Impact", "x")]) : null;

        await NotFromLoopback.AssertBare403Async(path, method, form);
    }
}
