namespace ScribeBot.Tests.Web;

/// <summary>The editor's form posts sit behind the Dashboard policy like every page (<see cref="DashboardPagesAccessTests"/>).</summary>
public sealed class PostmortemEditorAccessTests
{
    [Theory]
    [InlineData("Save")]
    [InlineData("Post")]
    [InlineData("Followups")]
    public async Task A_form_post_not_from_loopback_gets_a_bare_403(string handler)
    {
        using var form = new FormUrlEncodedContent([new("Impact", "x")]);

        await NotFromLoopback.AssertBare403Async($"/incidents/slack%3AT1%3A1/postmortem?handler={handler}", "POST", form);
    }
}
