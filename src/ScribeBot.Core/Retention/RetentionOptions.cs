namespace ScribeBot.Core.Retention;

/// <summary>
/// The <c>Storage:Retention</c> configuration section: how long finished posts are kept before
/// <see cref="OutboxRetention"/> removes them. Incidents and timelines are not covered: they stay until an operator
/// purges them (the <c>purge</c> verb).
/// </summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Storage:Retention";

    /// <summary>
    /// The shortest period allowed. An outbox item's id is also what makes a redelivered command post nothing twice
    /// (Slack retries within minutes, Teams and restarts within hours), so an item must outlive every redelivery.
    /// </summary>
    public static readonly TimeSpan MinimumPeriod = TimeSpan.FromDays(1);

    /// <summary>How long a delivered post (and what its poster recorded about it) is kept after its delivery.</summary>
    public TimeSpan DeliveredPosts { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long an abandoned post is kept after it was given up: longer, so an operator can still look into why.</summary>
    public TimeSpan AbandonedPosts { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How often finished posts are looked for (the first time a minute after start).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Most posts removed in one store transaction; a write queued behind one waits for at most that many.</summary>
    public int BatchSize { get; set; } = 200;
}
