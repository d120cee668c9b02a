namespace ScribeBot.Slack.Tests.Events;

public sealed class SocketModeReadingTests
{
    private static readonly DateTimeOffset ReceivedAt = DateTimeOffset.FromUnixTimeSeconds(1_610_241_800);
    private readonly SlackInboundReader _reader = new("U333", "BBOT");

    [Fact]
    public void An_events_api_envelope_carries_the_same_message_as_http()
    {
        var envelope = _reader.ReadSocketFrame(Fixtures.Slack.Bytes("socketmode_envelope_events_api_message.json"), ReceivedAt);

        Assert.Equal("ac2cfd40-6f8c-4d5e-a1ad-646e532baa19", envelope.EnvelopeId);
        var callback = Assert.IsType<SlackEventCallback>(envelope.Inbound);
        Assert.Equal("Ev111", callback.EventId);
        Assert.Null(callback.Retry);
        var message = Assert.IsType<SlackMessagePosted>(callback.Event).Message;
        Assert.Equal("@U111 Hi here!", message.Text);
        Assert.Equal("<@U111> Hi here!", callback.SlackText);
    }

    [Fact]
    public void A_redelivered_envelope_carries_its_retry()
    {
        var callback = Assert.IsType<SlackEventCallback>(
            _reader.ReadSocketFrame(Fixtures.Slack.Bytes("socketmode_envelope_events_api_message_retry_timeout.json"), ReceivedAt).Inbound);

        Assert.Equal(new SlackRetry(1, "timeout"), callback.Retry);
    }

    [Theory]
    [InlineData("socketmode_envelope_events_api_app_mention.json", "cda4159a-72a5-4744-aba3-4d66eb52682b")]
    [InlineData("socketmode_envelope_interactive_shortcut.json", "57d6a792-4d35-4d0b-b6aa-3361493e1caf")]
    [InlineData("socketmode_envelope_interactive_block_actions_LARGE.json", "dfb98ec6-45a8-4200-98af-7d05fb6fb44f")]
    public void Envelopes_we_do_not_use_are_still_acknowledged(string fixture, string envelopeId)
    {
        var envelope = _reader.ReadSocketFrame(Fixtures.Slack.Bytes(fixture), ReceivedAt);

        Assert.Equal(envelopeId, envelope.EnvelopeId);
        Assert.IsType<SlackIgnored>(envelope.Inbound);
    }

    [Theory]
    [InlineData("socketmode_hello.json")]
    [InlineData("socketmode_disconnect_too_many_websockets.json")]
    public void Connection_messages_have_nothing_to_acknowledge(string fixture)
    {
        var envelope = _reader.ReadSocketFrame(Fixtures.Slack.Bytes(fixture), ReceivedAt);

        Assert.Null(envelope.EnvelopeId);
        Assert.IsType<SlackIgnored>(envelope.Inbound);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"envelope_id\":\"e1\",\"type\":\"events_api\"}")]
    [InlineData("{\"envelope_id\":\"e1\",\"type\":\"events_api\",\"payload\":{\"type\":\"event_callback\"}}")]
    public void Broken_frames_are_malformed(string frame)
    {
        Assert.IsType<SlackMalformed>(_reader.ReadSocketFrame(System.Text.Encoding.UTF8.GetBytes(frame), ReceivedAt).Inbound);
    }
}
