namespace ScribeBot.Slack.Tests.WebApi;

// Every method group reads Slack's answers through JsonFields: a string JsonDocument cannot decode (an escaped lone
// surrogate, invalid UTF-8) is a malformed answer, as the inbound readers treat it, so the call comes back Unavailable
// (invalid_response) like any body that is not Slack's JSON, instead of throwing out of the client.
public sealed partial class SlackWebApiClientTests
{
    [Fact]
    public void JsonFields_reads_a_lone_surrogate_escape_as_a_malformed_payload()
    {
        using var document = JsonDocument.Parse("""{"ok":true,"message_ts":"\ud800"}""");

        Assert.Throws<JsonException>(() => document.RootElement.String("message_ts"));
    }

    [Fact]
    public async Task A_value_with_a_lone_surrogate_escape_is_an_invalid_response_not_an_exception()
    {
        _h.Slack.Enqueue("chat.postEphemeral", FakeResponse.Json("""{"ok":true,"message_ts":"\ud800"}"""));

        var result = await _h.Client.Chat.PostEphemeralAsync("C1", "U2", new("hi", []), CancellationToken.None);

        Assert.Equal(SlackApiStatus.Unavailable, result.Status);
        Assert.Equal("invalid_response", result.Error);
        Assert.Single(_h.Slack.Calls);
    }

    [Fact]
    public async Task An_error_code_with_a_lone_surrogate_escape_is_an_invalid_response_not_an_exception()
    {
        _h.Slack.Enqueue("views.open", FakeResponse.Json("""{"ok":false,"error":"\ud800"}"""));

        var result = await _h.Client.Views.OpenAsync("1.2.abc", new(), CancellationToken.None);

        Assert.Equal(SlackApiStatus.Unavailable, result.Status);
        Assert.Equal("invalid_response", result.Error);
    }

    [Fact]
    public async Task A_property_name_with_a_lone_surrogate_escape_is_an_invalid_response_not_an_exception()
    {
        // Nested, and on both sides of the field read, whichever way the lookup walks the names.
        _h.Slack.Enqueue("conversations.join", FakeResponse.Json("""{"ok":true,"channel":{"\ud800":0,"id":"C1","\udc00":1}}"""));

        var result = await _h.Client.Conversations.JoinAsync("C1", CancellationToken.None);

        Assert.Equal(SlackApiStatus.Unavailable, result.Status);
        Assert.Equal("invalid_response", result.Error);
    }

    [Fact]
    public async Task A_read_whose_answers_stay_undecodable_is_retried_then_invalid_response()
    {
        var broken = FakeResponse.Json("""{"ok":true,"user":{"id":"U1","profile":{"display_name":"\ud800"}}}""");
        _h.Slack.Enqueue("users.info", Enumerable.Repeat(broken, SlackApiTransport.ReadAttempts).ToArray());

        var (result, _) = await _h.RunAdvancingTimeAsync(() => _h.Client.Users.GetDisplayNameAsync("U1", CancellationToken.None));

        Assert.Equal(SlackApiStatus.Unavailable, result.Status);
        Assert.Equal("invalid_response", result.Error);
        Assert.Equal(SlackApiTransport.ReadAttempts, _h.Slack.CallsTo("users.info").Count);
    }

    [Fact]
    public async Task A_marked_message_with_a_lone_surrogate_escape_makes_the_lookup_invalid_not_an_exception()
    {
        var broken = FakeResponse.Json("""
            {"ok":true,"has_more":false,"messages":[{"ts":"1.2","bot_id":"B1","metadata":{"event_type":"scribebot_post",
            "event_payload":{"outbox_id":"\ud800","part":0}}}]}
            """);
        _h.Slack.Enqueue("conversations.history", Enumerable.Repeat(broken, SlackApiTransport.ReadAttempts).ToArray());

        var (result, _) = await _h.RunAdvancingTimeAsync(() => _h.Client.Conversations.FindMarkedPostsAsync(
            "C1", threadTs: null, DateTimeOffset.UnixEpoch, CancellationToken.None));

        Assert.Equal(SlackApiStatus.Unavailable, result.Status);
        Assert.Equal("invalid_response", result.Error);
    }
}
