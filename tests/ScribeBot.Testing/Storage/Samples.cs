namespace ScribeBot.Testing.Storage;

/// <summary>Builders for incidents and entries, and a deep comparison (records compare lists by reference).</summary>
public static class Samples
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);
    public static readonly Person Alice = new("U1", "Alice Ng");

    public static ChannelRef Channel(string channel = "C1", string workspace = "T1", ChatPlatform platform = ChatPlatform.Slack) =>
        new(platform, workspace, channel);

    public static Incident Incident(ChannelRef channel, int number, DateTimeOffset? declared = null) => new()
    {
        Id = Core.Incidents.Incident.MakeId(channel, number),
        Number = number,
        Channel = channel,
        Title = $"Incident {number}",
        Severity = Severity.Sev2,
        TimeZoneId = "UTC",
        Declared = new Milestone(declared ?? T0, Alice),
    };

    public static Func<int, IncidentWithEntries> Create(ChannelRef channel, DateTimeOffset? declared = null, params string[] firstMessageIds) =>
        number =>
        {
            var incident = Incident(channel, number, declared);
            return new IncidentWithEntries(incident, firstMessageIds.Select(id => Entry(incident.Id, id)).ToArray());
        };

    public static TimelineEntry Entry(string incidentId, string messageId, DateTimeOffset? at = null, string? text = null) => new()
    {
        IncidentId = incidentId,
        MessageId = messageId,
        At = at ?? T0,
        Author = Alice,
        Text = text ?? $"message {messageId}",
    };

    public static string Json<T>(T value) => JsonSerializer.Serialize(value);

    public static void AssertSame<T>(T expected, T? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(Json(expected), Json(actual));
    }
}
