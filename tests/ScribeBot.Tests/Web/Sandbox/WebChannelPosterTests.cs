namespace ScribeBot.Tests.Web.Sandbox;

public sealed class WebChannelPosterTests
{
    private static readonly Core.Channels.ChannelRef Channel = SandboxChannel.ChannelOf("sandbox");
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-03-02T14:00:00Z", CultureInfo.InvariantCulture);
    private readonly FakeTimeProvider _clock = new(Now);
    private readonly SandboxFeed _feed;
    private readonly WebChannelPoster _poster;

    public WebChannelPosterTests()
    {
        _feed = new SandboxFeed(_clock);
        _poster = new WebChannelPoster(_feed, new InMemoryIncidentStore(), new ServiceCollection().AddScribePictures().BuildServiceProvider().GetRequiredService<Core.Postmortem.Picture.ITimelinePicture>(), _clock);
    }

    [Fact]
    public async Task An_announcement_delivered_twice_is_shown_once()
    {
        var item = Item(new AnnouncementPost(Channel, ChatText.Of("INC-1 declared <b>")));

        Assert.Equal(DeliveryResult.Delivered, await _poster.DeliverAsync(item, CancellationToken.None));
        Assert.Equal(DeliveryResult.Delivered, await _poster.DeliverAsync(item, CancellationToken.None));

        var shown = Assert.Single(_feed.Read(Channel, null).Items);
        Assert.Equal(SandboxItemKind.Announcement, shown.Kind);
        Assert.Equal("INC-1 declared &lt;b&gt;", shown.Html);
        Assert.Null(shown.VisibleTo);
    }

    [Fact]
    public async Task A_private_post_is_shown_only_to_its_recipient()
    {
        var item = Item(new PrivatePost(Channel, new Core.Channels.Person("Dana", "Dana"), ChatText.Of("INC-1 is open here")));

        Assert.Equal(DeliveryResult.Delivered, await _poster.DeliverAsync(item, CancellationToken.None));

        Assert.Equal("Dana", Assert.Single(_feed.Read(Channel, "Dana").Items).VisibleTo);
        Assert.Empty(_feed.Read(Channel, "Bo").Items);
    }

    [Fact]
    public async Task A_draft_for_an_incident_that_does_not_exist_is_given_up()
    {
        var result = await _poster.DeliverAsync(Item(new PostmortemPost(Channel, "web:sandbox:404")), CancellationToken.None);

        Assert.IsType<PermanentResult>(result);
        Assert.Empty(_feed.Read(Channel, null).Items);
    }

    private static OutboxItem Item(ChannelPost post) => OutboxItem.For("638700000000000000", [post], null, Now)[0];
}
