namespace ScribeBot.Tests.Replay;

public sealed class TranscriptReaderTests
{
    [Fact]
    public void Reads_the_format_of_the_design_document()
    {
        var transcript = TranscriptReader.Read(DesignTranscript.With("""
            { "id": "m3", "at": "2026-03-02T14:05:00Z", "user": "Bo Chen", "text": "typo" },
            { "id": "m3", "at": "2026-03-02T16:05:00+02:00", "user": "Bo Chen", "delete": true }
            """));

        Assert.Equal("payments-oncall", transcript.Channel);
        Assert.Equal("Europe/Berlin", transcript.TimeZone);
        Assert.Equal(5, transcript.Messages.Count);
        var reply = transcript.Messages[1];
        Assert.Equal("m1", reply.Thread);
        Assert.Equal(new TranscriptReaction("rotating_light", "Alice Ng"), Assert.Single(reply.Reactions));
        Assert.True(transcript.Messages[2].Edit);
        Assert.True(transcript.Messages[4].Delete);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 14, 5, 0, TimeSpan.Zero), transcript.Messages[4].At);
        Assert.Equal(TimeSpan.Zero, transcript.Messages[4].At.Offset);
    }

    [Fact]
    public void An_alerts_later_events_take_the_pages_trigger_time_unless_they_say_otherwise()
    {
        var transcript = TranscriptReader.Read("""
            { "channel": "c", "messages": [], "alerts": [
              { "at": "2026-03-02T14:05:00Z", "source": "PagerDuty", "action": "acknowledged", "alertId": "Q1", "title": "t", "actor": "Bo" },
              { "at": "2026-03-02T14:00:00Z", "source": "pagerduty", "action": "triggered", "alertId": "Q1", "title": "t", "priority": "P1" },
              { "at": "2026-03-02T14:07:00Z", "source": "alertmanager", "action": "resolved", "alertId": "f@x", "title": "u", "triggeredAt": "2026-03-02T13:50:00+01:00" } ] }
            """);

        var fired = new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);
        Assert.Equal([fired, fired, fired.AddHours(-1).AddMinutes(-10)], transcript.Alerts.Select(a => a.TriggeredAt));
        var ack = transcript.Alerts[0].ToPage();
        Assert.Equal((Core.Paging.PageSource.PagerDuty, Core.Paging.PageAction.Acknowledged, "Q1", "Bo"), (ack.Source, ack.Action, ack.AlertId, ack.Actor));
        Assert.Equal("Q1/Acknowledged@2026-03-02T14:05:00.0000000+00:00", ack.EventId);
        Assert.Equal(3, transcript.Alerts[2].Number);
    }

    [Fact]
    public void Unknown_fields_are_ignored()
    {
        var transcript = TranscriptReader.Read("""
            { "channel": "c", "source": "export", "messages": [
              { "id": "1", "at": "2026-03-02T14:02:10Z", "user": "A", "text": "hi", "client_msg_id": "x", "blocks": [] } ] }
            """);

        Assert.Equal("hi", Assert.Single(transcript.Messages).Text);
        Assert.Null(transcript.TimeZone);
    }

    [Theory]
    [InlineData("""{ "channel": "c", "messages": [ { "at": "2026-03-02T14:02:10Z", "user": "A", "text": "x" } ] }""", "message 1: field \"id\" is missing")]
    [InlineData("""{ "channel": "c", "messages": [ { "id": "1", "at": "2026-03-02T14:02:10Z", "user": "A", "text": "x" }, { "id": "2", "at": "2026-03-02 14:02", "user": "A", "text": "x" } ] }""", "message 2, field \"at\"")]
    [InlineData("""{ "channel": "c", "messages": [ { "id": "1", "at": "2026-03-02T14:02:10", "user": "A", "text": "x" } ] }""", "message 1, field \"at\": '2026-03-02T14:02:10' is not an ISO 8601 time with an offset")]
    [InlineData("""{ "channel": "c", "messages": [ { "id": "1", "at": "2026-03-02T14:02:10Z", "text": "x" } ] }""", "message 1: field \"user\" is missing")]
    [InlineData("""{ "channel": "c", "messages": [ { "id": "1", "at": "2026-03-02T14:02:10Z", "user": "A" } ] }""", "message 1: field \"text\" is missing")]
    [InlineData("""{ "channel": "c", "messages": [ { "id": 7, "at": "2026-03-02T14:02:10Z", "user": "A", "text": "x" } ] }""", "message 1, field \"id\": must be a string, not a number")]
    [InlineData("""{ "channel": "c", "messages": [ { "id": "1", "at": "2026-03-02T14:02:10Z", "user": "A", "text": "x", "edit": "yes" } ] }""", "message 1, field \"edit\": must be true or false")]
    [InlineData("""{ "channel": "c", "messages": [ { "id": "1", "at": "2026-03-02T14:02:10Z", "user": "A", "text": "x", "edit": true } ] }""", "message 1, field \"id\": '1' is edited but no earlier message has that id")]
    [InlineData("""{ "channel": "c", "messages": [ { "id": "1", "at": "2026-03-02T14:02:10Z", "user": "A", "text": "x" }, { "id": "1", "at": "2026-03-02T14:02:10Z", "user": "A", "text": "y" } ] }""", "message 2, field \"id\": '1' is used by an earlier message")]
    [InlineData("""{ "channel": "c", "messages": [ { "id": "1", "at": "2026-03-02T14:02:10Z", "user": "A", "text": "x", "reactions": [ { "emoji": "dart" } ] } ] }""", "message 1, reaction 1: field \"user\" is missing")]
    [InlineData("""{ "channel": "c", "messages": {} }""", "\"messages\" is missing or is not an array")]
    [InlineData("""{ "messages": [] }""", "the transcript: field \"channel\" is missing")]
    [InlineData("""{ "channel": "c", "timeZone": "Mars/Olympus", "messages": [] }""", "\"timeZone\" is 'Mars/Olympus', which is not an IANA time zone id")]
    [InlineData("""[ 1, 2 ]""", "must hold a JSON object")]
    public void A_malformed_file_names_the_message_and_field_at_fault(string json, string expected)
    {
        var error = Assert.Throws<TranscriptFormatException>(() => TranscriptReader.Read(json));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_syntax_error_names_its_line()
    {
        var json = "{\n  \"channel\": \"c\",\n  \"messages\": [\n    { \"id\": \"1\", \"at\": \"2026-03-02T14:02:10Z\" \"user\": \"A\" }\n  ]\n}";

        var error = Assert.Throws<TranscriptFormatException>(() => TranscriptReader.Read(json));

        Assert.StartsWith("not valid JSON at line 4,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_is_refused_as_malformed_not_a_crash()
    {
        var json = "{ \"channel\": \"c\", \"messages\": [], \"extra\": " + new string('[', 200) + new string(']', 200) + " }";

        var error = Assert.Throws<TranscriptFormatException>(() => TranscriptReader.Read(json));

        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }
}
