namespace ScribeBot.Testing.Slack;

/// <summary>
/// Socket Mode frames as Slack sends them, built from the shared fixtures' shapes for <see cref="SlackPayloads"/>'
/// workspace and channel, for a test to send over a <see cref="FakeSocketConnection"/>.
/// </summary>
public static class SocketModeFrames
{
    public static string Hello() => File.ReadAllText(Path.Combine(Fixtures.Slack.Directory, "socketmode_hello.json"));

    public static string Disconnect(string reason)
    {
        var frame = Fixture("socketmode_disconnect_too_many_websockets.json");
        frame["reason"] = reason;
        return frame.ToJsonString();
    }

    /// <summary>
    /// <c>/incident text</c>. Each envelope is its own invocation: its trigger id is made from the envelope id, as Slack
    /// gives every invocation a new one (the fixture's would make every command a redelivery of the first).
    /// </summary>
    public static string SlashCommand(string envelopeId, string text, string? triggerId = null)
    {
        var envelope = Fixture("socketmode_envelope_slash_commands.json");
        envelope["envelope_id"] = envelopeId;
        var payload = envelope["payload"]!;
        payload["team_id"] = SlackPayloads.Team;
        payload["channel_id"] = SlackPayloads.ChannelId;
        payload["command"] = "/incident";
        payload["text"] = text;
        payload["trigger_id"] = triggerId ?? "1337." + envelopeId;
        return envelope.ToJsonString();
    }

    public static string Message(string envelopeId, string eventId, string ts, string text, int retryAttempt = 0)
    {
        var envelope = Fixture("socketmode_envelope_events_api_message.json");
        envelope["envelope_id"] = envelopeId;
        envelope["retry_attempt"] = retryAttempt;
        envelope["retry_reason"] = retryAttempt > 0 ? "timeout" : "";
        var payload = envelope["payload"]!;
        payload["team_id"] = SlackPayloads.Team;
        payload["event_id"] = eventId;
        var message = payload["event"]!;
        message["team"] = SlackPayloads.Team;
        message["channel"] = SlackPayloads.ChannelId;
        message["ts"] = ts;
        message["event_ts"] = ts;
        message["text"] = text;
        return envelope.ToJsonString();
    }

    private static JsonNode Fixture(string name) => JsonNode.Parse(Fixtures.Slack.Bytes(name))!;
}
