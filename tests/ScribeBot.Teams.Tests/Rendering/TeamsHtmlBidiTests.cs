namespace ScribeBot.Teams.Tests.Rendering;

public sealed class TeamsHtmlBidiTests
{
    [Fact]
    public void An_override_in_user_text_ends_before_the_bots_own_text()
    {
        var html = TeamsHtml.Render(new ChatText([new TextRun("\u202Egnp.exe"), new TextRun(" resolved", RunStyle.Strong)]));

        Assert.Equal("\u202Egnp.exe\u202C<b> resolved</b>", html);
    }
}
