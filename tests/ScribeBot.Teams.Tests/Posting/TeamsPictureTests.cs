using ScribeBot.Core.Postmortem.Picture;
using ScribeBot.Teams.Posting;
using ScribeBot.Testing.Pictures;

namespace ScribeBot.Teams.Tests.Posting;

public sealed class TeamsPictureTests
{
    [Fact]
    public void A_stored_rendering_keeps_the_pictures_bytes_name_and_message()
    {
        var rendering = new TeamsRendering(["<p>one</p>", "<p>two</p>"]) { Picture = new TeamsPicture("INC-7-timeline.png", TestPng.TwoByTwo, At: 0) };

        var read = TeamsRendering.FromJson(rendering.ToJson());

        Assert.Equal(rendering.Messages, read!.Messages);
        Assert.Equal("INC-7-timeline.png", read.Picture!.Name);
        Assert.Equal(TestPng.TwoByTwo, read.Picture.Png);
        Assert.Equal(0, read.Picture.At);
        Assert.Null(TeamsRendering.FromJson(new TeamsRendering(["<p>one</p>"]).ToJson())!.Picture);
    }

    [Fact]
    public void The_attachment_is_an_inline_png_data_uri_named_as_the_file()
    {
        var attachment = new TeamsPicture("INC-7-timeline.png", TestPng.TwoByTwo, At: 0).ToAttachment();

        Assert.Equal("image/png", attachment.ContentType);
        Assert.Equal("INC-7-timeline.png", attachment.Name);
        Assert.Equal("data:image/png;base64," + Convert.ToBase64String(TestPng.TwoByTwo), attachment.ContentUrl);
    }

    [Theory]
    [InlineData(1024, 1024, TeamsPicture.MaxBytes, true)]
    [InlineData(1025, 600, 1000, false)]
    [InlineData(800, 1025, 1000, false)]
    [InlineData(800, 600, TeamsPicture.MaxBytes + 1, false)]
    [InlineData(0, 600, 1000, false)]
    public void Teams_takes_a_picture_inline_only_within_its_documented_pixels_and_bytes(int width, int height, int bytes, bool fits)
    {
        Assert.Equal(fits, TeamsPicture.Fits(new TimelineImage(new byte[bytes], width, height, "alt")));
    }
}
