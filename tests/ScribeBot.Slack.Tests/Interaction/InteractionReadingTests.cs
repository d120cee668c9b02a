namespace ScribeBot.Slack.Tests.Interaction;

public sealed class InteractionReadingTests
{
    private const string Form = "application/x-www-form-urlencoded";
    private static readonly DateTimeOffset RequestAt = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
    private readonly SlackInboundReader _reader = new("UBOT", "B111");

    /// <summary>Wraps a JSON fixture the way Slack posts it: one form field, <c>payload</c>.</summary>
    private SlackInbound ReadAsForm(string fixture) =>
        _reader.ReadHttp(Form, Encoding.UTF8.GetBytes("payload=" + Uri.EscapeDataString(Encoding.UTF8.GetString(Fixtures.Slack.Bytes(fixture)))), RequestAt, null);

    [Fact]
    public void The_docs_message_shortcut_carries_the_message_to_tag()
    {
        var shortcut = Assert.IsType<SlackMessageShortcut>(ReadAsForm("interactivity_message_action.slack_docs_example.json"));

        Assert.Equal("chirp_message", shortcut.CallbackId);
        Assert.Equal("13345224609.8534564800.6f8ab1f53e13d0cd15f96106292d5536", shortcut.TriggerId);
        Assert.Equal(new ChannelRef(ChatPlatform.Slack, "T0MJRM1A7", "D0LFFBKLZ"), shortcut.Channel);
        Assert.Equal("1516229207.000133", shortcut.MessageTs);
        Assert.Equal("U0D15K92L", shortcut.User.Id);
        Assert.Equal("U0MJRG1AL", shortcut.Original.Author.Id);
        Assert.Equal("World's smallest big cat! https://youtube.com/watch?v=W86cTIoMv2U", shortcut.Original.Text);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1516229207).AddTicks(1330), shortcut.Original.At);
        Assert.Equal(shortcut.Channel, shortcut.Original.Channel);
    }

    [Fact]
    public void A_shortcut_on_our_own_bots_message_says_so()
    {
        var shortcut = Assert.IsType<SlackMessageShortcut>(ReadAsForm("interactivity_message_action_bot_message_with_attachments.java_sdk_test.json"));

        Assert.Equal("test-message-action", shortcut.CallbackId);
        Assert.Equal("1608093938.001200", shortcut.MessageTs);
        Assert.Equal("Here is the uploaded file: https://xxx.slack.com/archives/C111/xxx", shortcut.Original.Text);
        Assert.True(shortcut.Original.IsFromSelf);
    }

    [Fact]
    public void A_view_submission_yields_every_input_value()
    {
        var submission = Assert.IsType<SlackViewSubmission>(ReadAsForm("interactivity_view_submission.java_sdk_test.json"));

        Assert.Equal("modal-callback-id", submission.CallbackId);
        Assert.Equal("V12345678", submission.ViewId);
        Assert.Equal("T12345678", submission.TeamId);
        Assert.Equal("", submission.PrivateMetadata);
        Assert.Equal("U12345678", submission.User.Id);
        // The request id a Socket Mode redelivery is recognised by.
        Assert.Equal("768915595217.771150964790.bbc12e4f1483ce782cd891edf9dca94c", submission.TriggerId);
        Assert.Equal("2019-09-23", submission.ValueOf("date-of-visit", "single_action"));
        Assert.Equal("3", submission.ValueOf("rating", "single_action"));
        Assert.Equal("Just amazing!", submission.ValueOf("comment", "single_action"));
        Assert.Null(submission.ValueOf("comment", "other"));
    }

    [Theory]
    [InlineData("interactivity_block_actions.slack_docs_example.json")]
    [InlineData("interactivity_block_actions_in_thread.java_sdk_test.json")]
    [InlineData("interactivity_shortcut_global_org_level.java_sdk_test.json")]
    public void Interactions_we_do_not_use_are_ignored(string fixture)
    {
        Assert.IsType<SlackIgnored>(ReadAsForm(fixture));
    }

    [Fact]
    public void The_raw_global_shortcut_form_from_bolt_is_read_and_ignored()
    {
        var inbound = _reader.ReadHttp(Form, Fixtures.Slack.Bytes("interactivity_shortcut_global.bolt_js_test.form.txt"), RequestAt, null);

        Assert.Equal("interaction shortcut", Assert.IsType<SlackIgnored>(inbound).Reason);
    }

    [Theory]
    [InlineData("payload=")]
    [InlineData("payload=%7B")]
    [InlineData("payload=%5B%5D")]
    [InlineData("payload=%7B%22type%22%3A%22message_action%22%7D")]
    [InlineData("payload=%7B%22type%22%3A%22view_submission%22%2C%22user%22%3A%7B%22id%22%3A%22U1%22%2C%22team_id%22%3A%22T1%22%7D%7D")]
    [InlineData("payload=%7B%22type%22%3A42%7D")]
    public void Broken_payloads_are_malformed(string body)
    {
        Assert.IsType<SlackMalformed>(_reader.ReadHttp(Form, Encoding.UTF8.GetBytes(body), RequestAt, null));
    }

    [Fact]
    public void A_shortcut_whose_message_has_a_broken_ts_is_malformed()
    {
        var payload = """{"type":"message_action","callback_id":"c","trigger_id":"t","team":{"id":"T1"},"channel":{"id":"C1"},"user":{"id":"U1"},"message":{"user":"U2","ts":"soon","text":"x"}}""";

        var inbound = _reader.ReadHttp(Form, Encoding.UTF8.GetBytes("payload=" + Uri.EscapeDataString(payload)), RequestAt, null);

        Assert.IsType<SlackMalformed>(inbound);
    }
}
