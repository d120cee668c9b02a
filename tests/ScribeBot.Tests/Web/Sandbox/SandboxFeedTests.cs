namespace ScribeBot.Tests.Web.Sandbox;

public sealed class SandboxFeedTests
{
    private static readonly ChannelRef Channel = SandboxChannel.ChannelOf("sandbox");
    private readonly SandboxFeed _feed = new(new FakeTimeProvider(DateTimeOffset.Parse("2026-03-02T14:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_channel_keeps_its_last_thousand_lines()
    {
        for (var i = 0; i < SandboxFeed.MaxItemsPerChannel + 5; i++)
        {
            _feed.Add(Channel, Message($"m{i}"));
        }

        var items = _feed.Read(Channel, "Alice Ng").Items;
        Assert.Equal(SandboxFeed.MaxItemsPerChannel, items.Count);
        Assert.Equal("m5", items[0].Id);
        Assert.Equal($"m{SandboxFeed.MaxItemsPerChannel + 4}", items[^1].Id);
    }

    [Fact]
    public void A_channel_of_long_messages_keeps_its_newest_lines_within_its_byte_budget()
    {
        var longest = new string('x', SandboxInput.MaxMessageLength);
        for (var i = 0; i < SandboxFeed.MaxItemsPerChannel; i++)
        {
            _feed.Add(Channel, Message($"m{i}") with { Text = longest });
        }

        var items = _feed.Read(Channel, null).Items;
        Assert.InRange(items.Sum(item => item.EstimatedBytes), 1, SandboxFeed.MaxBytesPerChannel);
        Assert.InRange(items.Count, 50, SandboxFeed.MaxItemsPerChannel - 1);
        Assert.Equal($"m{SandboxFeed.MaxItemsPerChannel - 1}", items[^1].Id);
        Assert.Equal(Enumerable.Range(SandboxFeed.MaxItemsPerChannel - items.Count, items.Count).Select(i => $"m{i}"), items.Select(item => item.Id));
    }

    [Fact]
    public void All_channels_together_stay_within_the_total_byte_budget_and_the_quietest_go_first()
    {
        var longest = new string('x', SandboxInput.MaxMessageLength);
        var channels = Enumerable.Range(0, SandboxFeed.MaxChannels).Select(i => SandboxChannel.ChannelOf($"c{i}")).ToArray();
        foreach (var channel in channels)
        {
            for (var i = 0; i < 200; i++)
            {
                _feed.Add(channel, Message($"m{i}") with { Text = longest });
            }
        }

        var held = channels.Select(channel => _feed.Read(channel, null).Items.Sum(item => item.EstimatedBytes)).ToArray();
        Assert.InRange(held.Sum(), 1, SandboxFeed.MaxBytes);
        Assert.Equal(0, held[0]);
        Assert.NotEqual(0, held[^1]);
    }

    [Fact]
    public void A_line_bigger_than_the_channel_budget_still_shows_alone()
    {
        _feed.Add(Channel, Message("m0"));
        _feed.Add(Channel, Message("draft") with { Kind = SandboxItemKind.Draft, Html = new string('x', (int)SandboxFeed.MaxBytesPerChannel) });

        Assert.Equal("draft", Assert.Single(_feed.Read(Channel, null).Items).Id);
    }

    [Fact]
    public void A_line_grown_by_reactions_pushes_the_oldest_lines_out()
    {
        var half = new string('x', (int)(SandboxFeed.MaxBytesPerChannel / 4) - 1000);
        _feed.Add(Channel, Message("m0") with { Text = half });
        _feed.Add(Channel, Message("m1") with { Text = half });

        _feed.Update(Channel, "m1", item => item.WithReaction("dart", new string('p', 10_000), added: true));

        Assert.Equal("m1", Assert.Single(_feed.Read(Channel, null).Items).Id);
    }

    [Fact]
    public void A_line_is_added_once_by_its_id()
    {
        Assert.True(_feed.Add(Channel, Message("post-1")));
        var version = _feed.Read(Channel, null).Version;

        Assert.False(_feed.Add(Channel, Message("post-1") with { Text = "again" }));

        Assert.Equal("hello", Assert.Single(_feed.Read(Channel, null).Items).Text);
        Assert.Equal(version, _feed.Read(Channel, null).Version);
    }

    [Fact]
    public void A_private_line_is_seen_only_by_its_person()
    {
        _feed.Add(Channel, Message("m1"));
        _feed.Add(Channel, Message("m1/reply") with { Kind = SandboxItemKind.Reply, VisibleTo = "Alice Ng" });

        Assert.Equal(2, _feed.Read(Channel, "Alice Ng").Items.Count);
        Assert.Single(_feed.Read(Channel, "Bo Chen").Items);
        Assert.Single(_feed.Read(Channel, null).Items);
    }

    [Fact]
    public async Task A_waiting_reader_wakes_on_the_next_change()
    {
        var seen = _feed.Read(Channel, null).Version;
        var waiting = _feed.WaitForChangeAsync(Channel, seen, CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        _feed.Add(Channel, Message("m1"));

        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.NotEqual(seen, _feed.Read(Channel, null).Version);
        Assert.True(_feed.WaitForChangeAsync(Channel, seen, CancellationToken.None).IsCompleted);
    }

    [Fact]
    public void Reactions_toggle_per_person()
    {
        var item = Message("m1").WithReaction("dart", "Alice Ng", added: true).WithReaction("dart", "Bo Chen", added: true);

        Assert.Equal(["Alice Ng", "Bo Chen"], item.Reactions["dart"]);
        Assert.True(item.HasReacted("dart", "Bo Chen"));
        Assert.Equal(["Bo Chen"], item.WithReaction("dart", "Alice Ng", added: false).Reactions["dart"]);
        Assert.Empty(item.WithReaction("dart", "Alice Ng", added: false).WithReaction("dart", "Bo Chen", added: false).Reactions);
    }

    private static SandboxFeedItem Message(string id) => new()
    {
        Id = id,
        Kind = SandboxItemKind.Message,
        At = DateTimeOffset.Parse("2026-03-02T14:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
        Author = "Alice Ng",
        Text = "hello",
    };
}
