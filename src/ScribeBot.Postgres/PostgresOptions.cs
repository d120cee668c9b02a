namespace ScribeBot.Postgres;

/// <summary>Settings of the PostgreSQL store, bound from <c>Storage:Postgres</c>.</summary>
public sealed class PostgresOptions
{
    public const string SectionName = "Storage:Postgres";

    /// <summary>
    /// An Npgsql connection string (<c>Host=db;Database=scribebot;Username=scribebot;Password=...</c>); keep the
    /// password in an environment variable (<c>Storage__Postgres__ConnectionString</c>), not in a committed file.
    /// </summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// How long an instance holds the outbox items it took for delivery before another instance may take them
    /// (docs/decisions.md, "Outbox lease"). Longer than the longest delivery attempt (a few platform requests, each at
    /// most <c>Slack:RequestTimeout</c> or <c>Teams:ConnectorTimeout</c>, 15 s by default), or a slow delivery could
    /// be sent again by another instance; short enough that a dead instance's posts are not held up long.
    /// </summary>
    public TimeSpan OutboxLease { get; set; } = DefaultOutboxLease;

    public static readonly TimeSpan DefaultOutboxLease = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long the host waits at start for a database it cannot reach (trying again with growing pauses) before it
    /// gives up with its own exit code: hosts and their database often start together, and a database still starting
    /// should not need a restart of every host. Zero tries once.
    /// </summary>
    public TimeSpan StartupTimeout { get; set; } = DefaultStartupTimeout;

    public static readonly TimeSpan DefaultStartupTimeout = TimeSpan.FromSeconds(30);
}
