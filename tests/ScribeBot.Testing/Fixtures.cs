namespace ScribeBot.Testing;

/// <summary>The published platform payloads in <c>tests/fixtures</c> (sources in <c>tests/fixtures/SOURCES.md</c>).</summary>
public static class Fixtures
{
    public static FixtureFolder Slack { get; } = new("slack");

    public static FixtureFolder Teams { get; } = new("teams");

    public static FixtureFolder Alerts { get; } = new("alerts");

    public static FixtureFolder Trackers { get; } = new("trackers");
}
