using ScribeBot.Alerts.Reading;
using ScribeBot.Alerts.Sources;

namespace ScribeBot.Alerts.Tests.Reading;

/// <summary>Reads a published fixture through a source's reader, as the endpoint does after authenticating it.</summary>
internal static class FixtureReads
{
    /// <summary>When the tests' deliveries arrive, unless a test says otherwise.</summary>
    public static readonly DateTimeOffset ReceivedAt = new(2026, 4, 1, 12, 0, 0, TimeSpan.Zero);

    public static AlertRead Read(PageSource source, byte[] body, DateTimeOffset? receivedAt = null, TimeSpan? maxAge = null)
    {
        var options = new AlertsOptions();
        options.PagerDuty.SigningSecrets.Add(AlertRequests.PagerDutySecret);
        options.PagerDuty.MaxAge = maxAge ?? TimeSpan.FromDays(1);
        return new AlertSources(options)[source].Read(body, receivedAt ?? ReceivedAt);
    }

    /// <summary>The one page a fixture reads as, asserting that it reads as exactly one.</summary>
    public static PageEvent Single(PageSource source, string fixture, DateTimeOffset? receivedAt = null) =>
        Assert.Single(Pages(source, fixture, receivedAt));

    public static IReadOnlyList<PageEvent> Pages(PageSource source, string fixture, DateTimeOffset? receivedAt = null)
    {
        var read = Read(source, Fixtures.Alerts.Bytes(fixture), receivedAt);
        Assert.True(read.Outcome == AlertReadOutcome.Pages, $"{fixture}: {read.Outcome} {read.Reason}");
        return read.Pages;
    }

    /// <summary>PagerDuty's fixtures, read at their own occurred_at (the age check is the endpoint tests' subject).</summary>
    public static PageEvent PagerDuty(string fixture)
    {
        using var json = JsonDocument.Parse(Fixtures.Alerts.Bytes(fixture));
        var occurredAt = json.RootElement.GetProperty("event").GetProperty("occurred_at").GetDateTimeOffset();
        return Single(PageSource.PagerDuty, fixture, occurredAt);
    }

    /// <summary>A published payload with one change, for a case no vendor published (a missing field, another label).</summary>
    public static byte[] Edited(string fixture, Action<JsonNode> edit)
    {
        var body = JsonNode.Parse(Fixtures.Alerts.Text(fixture))!;
        edit(body);
        return Encoding.UTF8.GetBytes(body.ToJsonString());
    }

    /// <summary>The first page of an edited payload (<see cref="Edited"/>).</summary>
    public static PageEvent FirstOfEdited(PageSource source, string fixture, Action<JsonNode> edit) =>
        Read(source, Edited(fixture, edit)).Pages[0];

    /// <summary>
    /// Asserts every field of <paramref name="actual"/>: the labels in order, the rest as one record (whose own equality
    /// would compare the two label lists by reference).
    /// </summary>
    public static void AssertPage(PageEvent expected, PageEvent actual)
    {
        Assert.Equal(expected with { Labels = [] }, actual with { Labels = [] });
        Assert.Equal(expected.Labels, actual.Labels);
    }

    public static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime();

    public static PageLabel Label(string name, string value) => new(name, value);
}
