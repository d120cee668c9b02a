using ScribeBot.Teams.Posting;

namespace ScribeBot.Teams.Tests.Posting;

public sealed class TeamsRenderingTests
{
    [Fact]
    public void A_stored_rendering_reads_back_the_same_messages_character_for_character()
    {
        string[] messages =
        [
            "<p><b>INC-7: Checkout returns 502</b></p><p>&lt;at&gt;Everyone&lt;/at&gt; &amp; \"quotes\" 'apostrophes' \\ fire 🔥</p>",
            "<p><i>INC-7 (continued 2/2)</i></p><p>\u202Eright-to-left\u202C\nnew line\ttab</p>",
        ];

        var read = TeamsRendering.FromJson(new TeamsRendering(messages).ToJson());

        Assert.NotNull(read);
        Assert.False(read.Done);
        Assert.Equal(messages, read.Messages);
    }

    [Fact]
    public void A_completed_rendering_keeps_no_message()
    {
        var json = TeamsRendering.Completed.ToJson();

        Assert.Equal("""{"done":true}""", json);
        Assert.True(TeamsRendering.FromJson(json)!.Done);
    }

    [Fact]
    public void No_stored_rendering_reads_as_none()
    {
        Assert.Null(TeamsRendering.FromJson(null));
    }
}
