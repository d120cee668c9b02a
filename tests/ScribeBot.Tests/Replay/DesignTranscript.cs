namespace ScribeBot.Tests.Replay;

/// <summary>
/// The transcript of the design document: a start, Bo's threaded reply with Alice's reaction, and his edit of it. Each
/// test adds the messages it is about (<see cref="With"/>), so what differs between them is said in the test.
/// </summary>
internal static class DesignTranscript
{
    /// <summary>The transcript, with <paramref name="moreMessages"/> (JSON objects, comma-separated) after its three.</summary>
    public static string With(string moreMessages) => $$"""
        {
          "channel": "payments-oncall",
          "timeZone": "Europe/Berlin",
          "messages": [
            { "id": "m1", "at": "2026-03-02T14:02:10Z", "user": "Alice Ng", "text": "/incident start Checkout returns 502 sev2" },
            { "id": "m2", "at": "2026-03-02T14:03:00Z", "user": "Bo Chen", "text": "p99 is through the roof",
              "thread": "m1", "reactions": [ { "emoji": "rotating_light", "user": "Alice Ng" } ] },
            { "id": "m2", "at": "2026-03-02T14:04:30Z", "user": "Bo Chen", "text": "p99 latency is through the roof", "edit": true },
        {{moreMessages}}
          ]
        }
        """;
}
