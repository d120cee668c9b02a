namespace ScribeBot.Slack.Tests.Events;

public sealed class SlackInboundReaderTests
{
    private const string Json = "application/json";
    private const string Form = "application/x-www-form-urlencoded";
    private static readonly DateTimeOffset RequestAt = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    // The bot of the slack_web_golden captures: authorizations[0] there is this bot user.
    private readonly SlackInboundReader _reader = new(botUserId: "U0442US8QGH", botId: "B0439P161B9");

    private SlackInbound ReadJsonFixture(string name, SlackRetry? retry = null) =>
        _reader.ReadHttp(Json, Fixtures.Slack.Bytes(name), RequestAt, retry);

    private static T Event<T>(SlackInbound inbound)
        where T : SlackChatEvent
    {
        var callback = Assert.IsType<SlackEventCallback>(inbound);
        return Assert.IsType<T>(callback.Event);
    }

    private static DateTimeOffset Ts(long seconds, long micros) => DateTimeOffset.FromUnixTimeSeconds(seconds).AddTicks(micros * 10);

    [Fact]
    public void Url_verification_yields_the_challenge()
    {
        var inbound = ReadJsonFixture("url_verification.json");

        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", Assert.IsType<SlackUrlVerification>(inbound).Challenge);
    }

    [Fact]
    public void A_channel_message_becomes_a_chat_message_with_the_exact_instant()
    {
        var inbound = ReadJsonFixture("event_message_channel.docs.json", new SlackRetry(2, "http_timeout"));

        var callback = Assert.IsType<SlackEventCallback>(inbound);
        Assert.Equal("Ev123ABC456", callback.EventId);
        Assert.Equal("T123ABC456", callback.TeamId);
        Assert.Equal(new SlackRetry(2, "http_timeout"), callback.Retry);
        var message = Assert.IsType<SlackMessagePosted>(callback.Event).Message;
        Assert.Equal(new ChannelRef(ChatPlatform.Slack, "T123ABC456", "C123ABC456"), message.Channel);
        Assert.Equal("1355517523.000005", message.MessageId);
        Assert.Equal(Ts(1355517523, 5), message.At);
        Assert.Equal(TimeSpan.Zero, message.At.Offset);
        Assert.Equal(new Person("U123ABC456", "U123ABC456"), message.Author);
        Assert.Equal("Live long and prospect.", message.Text);
        Assert.Null(message.ThreadId);
        Assert.False(message.IsFromSelf);
    }

    [Theory]
    [InlineData("event_message_generic.docs.json", "1355517523.000005", "Hello world")]
    [InlineData("event_message_channel.slack_web_golden.json", "1663966382.046509", "dgsfklsdgf")]
    [InlineData("event_message_im.slack_web_golden.json", "1664408649.009629", "test")]
    public void Plain_messages_of_every_shape_are_read(string fixture, string ts, string text)
    {
        var message = Event<SlackMessagePosted>(ReadJsonFixture(fixture)).Message;

        Assert.Equal(ts, message.MessageId);
        Assert.Equal(text, message.Text);
        Assert.False(message.IsFromSelf);
    }

    [Fact]
    public void A_thread_reply_by_our_own_bot_is_marked_as_ours_and_keeps_its_thread()
    {
        var message = Event<SlackMessagePosted>(ReadJsonFixture("event_message_bot_thread_reply.slack_web_golden.json")).Message;

        Assert.Equal("1664216109.798919", message.ThreadId);
        Assert.Equal("1664216870.477049", message.MessageId);
        Assert.True(message.IsFromSelf);
    }

    [Fact]
    public void The_same_thread_reply_from_another_workspace_bot_is_recorded_as_someone_elses()
    {
        var reader = new SlackInboundReader(botUserId: "U0OTHER", botId: "B0OTHER");

        var message = Event<SlackMessagePosted>(reader.ReadHttp(Json, Fixtures.Slack.Bytes("event_message_bot_thread_reply.slack_web_golden.json"), RequestAt, null)).Message;

        Assert.False(message.IsFromSelf);
        Assert.Equal("U0442US8QGH", message.Author.Id);
    }

    [Fact]
    public void Before_auth_test_answered_our_own_apps_reply_is_recognised_by_its_app_id()
    {
        var reader = new SlackInboundReader(botUserId: null, botId: null);

        var message = Event<SlackMessagePosted>(reader.ReadHttp(Json, Fixtures.Slack.Bytes("event_message_bot_thread_reply.slack_web_golden.json"), RequestAt, null)).Message;

        Assert.True(message.IsFromSelf);
    }

    [Fact]
    public void Before_auth_test_answered_a_person_and_another_apps_bot_are_still_recorded()
    {
        var reader = new SlackInboundReader(botUserId: null, botId: null);

        Assert.False(Event<SlackMessagePosted>(reader.ReadHttp(Json, Fixtures.Slack.Bytes("event_message_channel.slack_web_golden.json"), RequestAt, null)).Message.IsFromSelf);
        Assert.False(Event<SlackMessagePosted>(reader.ReadHttp(Json, Fixtures.Slack.Bytes("event_message_subtype_bot_message.slack_web_golden.json"), RequestAt, null)).Message.IsFromSelf);
    }

    [Fact]
    public void An_integrations_bot_message_is_recorded_under_its_posting_name_with_the_link_decoded()
    {
        var message = Event<SlackMessagePosted>(ReadJsonFixture("event_message_subtype_bot_message.slack_web_golden.json")).Message;

        Assert.Equal(new Person("B07JWPS5Y5S", "Reacji Channeler"), message.Author);
        Assert.Equal("https://myworkspace.slack.com/archives/C07KTH1T4CQ/p1724954997876929", message.Text);
        Assert.False(message.IsFromSelf);
    }

    [Fact]
    public void A_bot_message_with_our_bot_id_is_ours()
    {
        var reader = new SlackInboundReader(botUserId: null, botId: "B07JWPS5Y5S");

        var message = Event<SlackMessagePosted>(reader.ReadHttp(Json, Fixtures.Slack.Bytes("event_message_subtype_bot_message.slack_web_golden.json"), RequestAt, null)).Message;

        Assert.True(message.IsFromSelf);
    }

    [Fact]
    public void The_docs_bot_message_example_has_no_channel_and_is_refused_as_malformed()
    {
        // As published, Slack's example omits "channel": there is nowhere to record it.
        Assert.Contains("channel", Assert.IsType<SlackMalformed>(ReadJsonFixture("event_message_bot_message.docs.json")).Reason);
    }

    [Theory]
    [InlineData("event_message_file_share.slack_web_golden.json", "message message message [file: namenamename.txt]")]
    [InlineData("event_message_file_share_slack_connect.slack_web_golden.json", "message message message [file: F12345678]")]
    public void A_file_share_keeps_its_text_and_names_its_files(string fixture, string expected)
    {
        var message = Event<SlackMessagePosted>(ReadJsonFixture(fixture)).Message;

        Assert.Equal(expected, message.Text);
        Assert.Equal("1670631527.874149", message.MessageId);
    }

    [Fact]
    public void A_file_share_without_a_caption_is_still_text()
    {
        var body = """
            {"type":"event_callback","team_id":"T1","event_id":"Ev1","event":{"type":"message","subtype":"file_share",
             "channel":"C1","user":"U1","ts":"1700000000.000100","text":"","files":[{"id":"F1","name":"grafana.png"},{"id":"F2","title":"logs"}]}}
            """;

        var message = Event<SlackMessagePosted>(_reader.ReadHttp(Json, Encoding.UTF8.GetBytes(body), RequestAt, null)).Message;

        Assert.Equal("[file: grafana.png] [file: logs]", message.Text);
    }

    [Fact]
    public void A_thread_broadcast_is_a_message_in_its_thread()
    {
        var body = """
            {"type":"event_callback","team_id":"T1","event_id":"Ev2","event":{"type":"message","subtype":"thread_broadcast",
             "channel":"C1","user":"U1","ts":"1700000100.000200","thread_ts":"1700000000.000100","text":"rolled back &amp; watching"}}
            """;

        var message = Event<SlackMessagePosted>(_reader.ReadHttp(Json, Encoding.UTF8.GetBytes(body), RequestAt, null)).Message;

        Assert.Equal("1700000000.000100", message.ThreadId);
        Assert.Equal("rolled back & watching", message.Text);
    }

    [Fact]
    public void A_thread_parent_whose_thread_ts_is_its_own_ts_is_not_a_reply()
    {
        var body = """
            {"type":"event_callback","team_id":"T1","event_id":"Ev3","event":{"type":"message","channel":"C1","user":"U1",
             "ts":"1700000000.000100","thread_ts":"1700000000.000100","text":"parent"}}
            """;

        Assert.Null(Event<SlackMessagePosted>(_reader.ReadHttp(Json, Encoding.UTF8.GetBytes(body), RequestAt, null)).Message.ThreadId);
    }

    [Fact]
    public void Message_changed_from_the_docs_is_an_edit_at_the_edit_time()
    {
        var edit = Event<SlackMessageEdited>(ReadJsonFixture("event_message_changed.docs.json")).Edit;

        Assert.Equal("1355517523.000005", edit.MessageId);
        Assert.Equal("Hello, world!", edit.NewText);
        Assert.Equal(Ts(1358878755, 1), edit.At);
        Assert.Equal("C123ABC456", edit.Channel.Channel);
    }

    [Fact]
    public void Message_changed_by_an_unfurl_is_an_edit_at_the_event_time_with_the_link_decoded()
    {
        var callback = Assert.IsType<SlackEventCallback>(ReadJsonFixture("event_message_changed.slack_web_golden.json"));
        var edit = Assert.IsType<SlackMessageEdited>(callback.Event).Edit;

        Assert.Equal("1663969333.524439", edit.MessageId);
        Assert.Equal("https://jadeapptesting.slack.com/archives/C043YJGBY49/p1663966292304369", edit.NewText);
        Assert.Equal(Ts(1663969334, 1500), edit.At);
        Assert.Equal("<https://jadeapptesting.slack.com/archives/C043YJGBY49/p1663966292304369>", callback.SlackText);
    }

    [Theory]
    [InlineData("event_message_deleted.docs.json", "C123ABC456", "1358878749.000002", 1358878755L, 1L)]
    [InlineData("event_message_deleted.slack_web_golden.json", "C043YJGBY49", "1663966382.046509", 1663969383L, 1500L)]
    public void Message_deleted_deletes_the_deleted_ts(string fixture, string channel, string deletedTs, long seconds, long micros)
    {
        var deletion = Event<SlackMessageDeleted>(ReadJsonFixture(fixture)).Deletion;

        Assert.Equal(channel, deletion.Channel.Channel);
        Assert.Equal(deletedTs, deletion.MessageId);
        Assert.Equal(Ts(seconds, micros), deletion.At);
        Assert.False(deletion.Undeleted);
    }

    [Theory]
    [InlineData("event_reaction_added.docs.json", true)]
    [InlineData("event_reaction_removed.docs.json", false)]
    public void Reactions_on_messages_become_reaction_changes(string fixture, bool added)
    {
        var change = Event<SlackReactionChanged>(ReadJsonFixture(fixture)).Change;

        Assert.Equal(new ChannelRef(ChatPlatform.Slack, "T123ABC456", "C123ABC456"), change.Channel);
        Assert.Equal("1360782400.498405", change.MessageId);
        Assert.Equal("thumbsup", change.Reaction);
        Assert.Equal("U123ABC456", change.User.Id);
        Assert.Equal(added, change.Added);
    }

    [Fact]
    public void A_reaction_on_a_file_is_ignored()
    {
        var body = """
            {"type":"event_callback","team_id":"T1","event_id":"Ev4","event":{"type":"reaction_added","user":"U1","reaction":"dart",
             "item":{"type":"file","file":"F1"},"event_ts":"1700000000.000100"}}
            """;

        Assert.IsType<SlackIgnored>(_reader.ReadHttp(Json, Encoding.UTF8.GetBytes(body), RequestAt, null));
    }

    [Theory]
    [InlineData("event_message_channel_join.docs.json")]
    [InlineData("event_message_channel_join.slack_web_golden.json")]
    [InlineData("event_message_replied_thread.docs.json")]
    [InlineData("event_app_mention.docs.json")]
    [InlineData("event_file_shared.docs.json")]
    public void Housekeeping_and_events_the_core_does_not_use_are_ignored(string fixture)
    {
        Assert.IsType<SlackIgnored>(ReadJsonFixture(fixture));
    }

    [Fact]
    public void Someone_joining_a_channel_is_read_as_a_join_and_the_bots_own_join_is_ignored()
    {
        var joined = Assert.IsType<SlackMemberJoined>(Assert.IsType<SlackEventCallback>(ReadJsonFixture("event_member_joined_channel.docs.json")).Event);

        Assert.Equal(new ChannelRef(ChatPlatform.Slack, "T123ABC456", "C123ABC456"), joined.Channel);
        Assert.Equal(new Person("W123ABC456", "W123ABC456"), joined.Member);
        var bot = new SlackInboundReader(botUserId: "W123ABC456", botId: "B1");
        Assert.Equal("the bot joined a channel", Assert.IsType<SlackIgnored>(
            bot.ReadHttp(Json, Fixtures.Slack.Bytes("event_member_joined_channel.docs.json"), RequestAt, null)).Reason);
    }

    [Fact]
    public void The_partial_docs_pin_example_is_malformed_not_an_exception()
    {
        Assert.IsType<SlackMalformed>(ReadJsonFixture("event_pin_added.docs.PARTIAL.txt"));
    }

    [Fact]
    public void An_inner_event_without_its_envelope_is_not_taken_for_a_callback()
    {
        Assert.Equal("request type pin_added", Assert.IsType<SlackIgnored>(ReadJsonFixture("event_pin_added_INNER_EVENT_ONLY.slack_go_test.json")).Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("\"event_callback\"")]
    [InlineData("{\"type\":\"event_callback\",\"team_id\":\"T1\",\"event_id\":\"Ev1\"}")]
    [InlineData("{\"type\":\"event_callback\",\"team_id\":\"T1\",\"event_id\":\"Ev1\",\"event\":\"message\"}")]
    [InlineData("{\"type\":\"event_callback\",\"team_id\":\"T1\",\"event_id\":\"Ev1\",\"event\":{\"type\":\"message\",\"channel\":\"C1\",\"user\":\"U1\",\"text\":\"x\"}}")]
    [InlineData("{\"type\":\"event_callback\",\"team_id\":\"T1\",\"event_id\":\"Ev1\",\"event\":{\"type\":\"message\",\"channel\":\"C1\",\"user\":\"U1\",\"text\":\"x\",\"ts\":1700000000.5}}")]
    [InlineData("{\"type\":\"event_callback\",\"team_id\":\"T1\",\"event_id\":\"Ev1\",\"event\":{\"type\":\"message\",\"channel\":\"C1\",\"user\":\"U1\",\"text\":42,\"ts\":\"1700000000.000001\"}}")]
    [InlineData("{\"type\":\"event_callback\",\"team_id\":\"T1\",\"event_id\":\"Ev1\",\"event\":{\"type\":\"message\",\"channel\":\"C1\",\"user\":\"U1\",\"text\":\"x\",\"ts\":\"yesterday\"}}")]
    [InlineData("{\"type\":\"event_callback\",\"team_id\":\"T1\",\"event_id\":\"Ev1\",\"event\":{\"type\":\"message\",\"channel\":\"C1\",\"text\":\"x\",\"ts\":\"1700000000.000001\"}}")]
    [InlineData("{\"type\":\"event_callback\",\"team_id\":\"T1\",\"event_id\":\"Ev1\",\"event\":{\"type\":\"message\",\"subtype\":\"message_deleted\",\"channel\":\"C1\",\"ts\":\"1700000000.000001\"}}")]
    [InlineData("{\"type\":\"event_callback\",\"team_id\":\"T1\",\"event_id\":\"Ev1\",\"event\":{\"type\":\"message\",\"subtype\":\"message_changed\",\"channel\":\"C1\",\"ts\":\"1700000000.000001\",\"message\":[]}}")]
    [InlineData("{\"type\":\"url_verification\"}")]
    [InlineData("{\"challenge\":\"x\"}")]
    public void Broken_events_are_malformed_never_thrown(string body)
    {
        Assert.IsType<SlackMalformed>(_reader.ReadHttp(Json, Encoding.UTF8.GetBytes(body), RequestAt, null));
    }

    [Fact]
    public void Deeply_nested_json_is_refused_before_it_is_walked()
    {
        var body = "{\"type\":\"event_callback\",\"x\":" + new string('[', 5000) + new string(']', 5000) + "}";

        Assert.IsType<SlackMalformed>(_reader.ReadHttp(Json, Encoding.UTF8.GetBytes(body), RequestAt, null));
    }

    [Fact]
    public void Truncated_fixtures_are_malformed_at_every_cut()
    {
        var bytes = Fixtures.Slack.Bytes("event_message_changed.slack_web_golden.json");
        for (var length = 0; length < bytes.Length - 2; length += 7)
        {
            Assert.IsType<SlackMalformed>(_reader.ReadHttp(Json, bytes.AsSpan(0, length), RequestAt, null));
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("multipart/form-data; boundary=x")]
    public void Unknown_content_types_are_malformed(string? contentType)
    {
        Assert.IsType<SlackMalformed>(_reader.ReadHttp(contentType, Fixtures.Slack.Bytes("url_verification.json"), RequestAt, null));
    }

    [Fact]
    public void Content_type_parameters_and_case_do_not_matter()
    {
        Assert.IsType<SlackUrlVerification>(_reader.ReadHttp("Application/JSON; charset=utf-8", Fixtures.Slack.Bytes("url_verification.json"), RequestAt, null));
    }

    [Theory]
    [InlineData("1", "http_timeout", 1, "http_timeout")]
    [InlineData("3", "", 3, null)]
    public void Retry_headers_are_read(string num, string reason, int attempt, string? expectedReason)
    {
        Assert.Equal(new SlackRetry(attempt, expectedReason), SlackInboundReader.RetryFromHeaders(num, reason));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("x")]
    public void Absent_or_unreadable_retry_headers_mean_a_first_delivery(string? num)
    {
        Assert.Null(SlackInboundReader.RetryFromHeaders(num, "http_timeout"));
    }
}
