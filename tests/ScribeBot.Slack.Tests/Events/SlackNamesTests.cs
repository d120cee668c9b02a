namespace ScribeBot.Slack.Tests.Events;

public sealed class SlackNamesTests
{
    private static readonly DateTimeOffset RequestAt = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
    private readonly SlackInboundReader _reader = new("UBOT", "BBOT");

    private sealed class FakeDirectory(Dictionary<string, string> names) : ISlackUserDirectory
    {
        public List<(string Team, string User)> Asked { get; } = [];

        public string? FindCachedDisplayName(string teamId, string userId) => names.GetValueOrDefault(userId);

        public void NoteUnanswered(string teamId, string userId)
        {
        }

        public ValueTask<string?> FindDisplayNameAsync(string teamId, string userId, CancellationToken cancellationToken)
        {
            Asked.Add((teamId, userId));
            return ValueTask.FromResult(names.TryGetValue(userId, out var name) ? name : null);
        }
    }

    private Task<SlackInbound> ReadNamedAsync(string fixture, FakeDirectory directory, string contentType = "application/json")
    {
        var body = Fixtures.Slack.Bytes(fixture);
        var first = _reader.ReadHttp(contentType, body, RequestAt, null);
        return SlackNames.ResolveAsync(first, names => _reader.ReadHttp(contentType, body, RequestAt, null, names), directory, CancellationToken.None);
    }

    [Fact]
    public async Task A_messages_author_is_named_after_the_lookup()
    {
        var directory = new FakeDirectory(new() { ["U123ABC456"] = "Egon Spengler" });

        var inbound = await ReadNamedAsync("event_message_channel.docs.json", directory);

        var message = Assert.IsType<SlackMessagePosted>(Assert.IsType<SlackEventCallback>(inbound).Event).Message;
        Assert.Equal(new Person("U123ABC456", "Egon Spengler"), message.Author);
        Assert.Equal([("T123ABC456", "U123ABC456")], directory.Asked);
    }

    [Fact]
    public async Task Mentions_in_the_text_are_named_too()
    {
        var directory = new FakeDirectory(new() { ["U222"] = "Bo Chen", ["U111"] = "Alice Ng" });
        var frame = Fixtures.Slack.Bytes("socketmode_envelope_events_api_message.json");
        var first = _reader.ReadSocketFrame(frame, RequestAt).Inbound;

        var named = await SlackNames.ResolveAsync(first, names => _reader.ReadSocketFrame(frame, RequestAt, names).Inbound, directory, CancellationToken.None);

        var message = Assert.IsType<SlackMessagePosted>(Assert.IsType<SlackEventCallback>(named).Event).Message;
        Assert.Equal("@Alice Ng Hi here!", message.Text);
        Assert.Equal("Bo Chen", message.Author.DisplayName);
    }

    [Fact]
    public async Task Unknown_users_keep_their_ids()
    {
        var directory = new FakeDirectory([]);

        var inbound = await ReadNamedAsync("event_reaction_added.docs.json", directory);

        var change = Assert.IsType<SlackReactionChanged>(Assert.IsType<SlackEventCallback>(inbound).Event).Change;
        Assert.Equal(new Person("U123ABC456", "U123ABC456"), change.User);
        Assert.Single(directory.Asked);
    }

    [Fact]
    public async Task An_integrations_bot_is_not_looked_up()
    {
        var directory = new FakeDirectory([]);

        await ReadNamedAsync("event_message_subtype_bot_message.slack_web_golden.json", directory);

        Assert.Empty(directory.Asked);
    }
}
