using static ScribeBot.Core.Tests.Postmortem.Scenarios;

namespace ScribeBot.Core.Tests.Metrics;

/// <summary>One incident declared by Alice at 10:00 UTC on Mon, Mar 2, 2026, and times as minutes after 10:00, so the
/// time-lost and phase tests read like the clock on the wall.</summary>
internal static class TenOClock
{
    public static readonly DateTimeOffset Ten = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset At(int minutesAfterTen) => Ten.AddMinutes(minutesAfterTen);

    public static Milestone By(int minutesAfterTen) => new(At(minutesAfterTen), Alice);

    public static Incident DeclaredAtTen() => NewIncident(7, "Checkout fails", Ten, Alice, "UTC");

    /// <summary>The incident with every milestone: impact began 09:50, detected 09:57, declared 10:00, acknowledged 10:02, resolved 11:05.</summary>
    public static Incident EveryMilestone() =>
        DeclaredAtTen() with { ImpactBegan = By(-10), Detected = By(-3), Acknowledged = By(2), Resolved = By(65) };
}
