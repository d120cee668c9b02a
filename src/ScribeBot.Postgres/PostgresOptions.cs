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
}
