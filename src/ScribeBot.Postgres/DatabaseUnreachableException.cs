namespace ScribeBot.Postgres;

/// <summary>
/// The database could not be reached within <see cref="PostgresOptions.StartupTimeout"/> at start, or refused the
/// connection outright (credentials, a missing database): the host stops with its own exit code and this one-line
/// message, which names where it looked and why it failed, never the connection string's credentials.
/// </summary>
public sealed class DatabaseUnreachableException : Exception
{
    public DatabaseUnreachableException(string endpoint, TimeSpan waited, int attempts, string reason, Exception innerException)
        : base($"PostgreSQL at {endpoint} could not be reached within {waited:c} ({attempts} attempt{(attempts == 1 ? "" : "s")}): {reason}. " +
               $"Check that the server runs and this host may connect to it, or wait longer with {PostgresOptions.SectionName}:{nameof(PostgresOptions.StartupTimeout)}.",
            innerException)
    {
    }

    public DatabaseUnreachableException(string endpoint, string reason, Exception innerException)
        : base($"PostgreSQL at {endpoint} refused ScribeBot: {reason}. Check {PostgresOptions.SectionName}:{nameof(PostgresOptions.ConnectionString)} " +
               "(user, password, database) and the server's pg_hba.conf.",
            innerException)
    {
    }

    public DatabaseUnreachableException()
    {
    }

    public DatabaseUnreachableException(string message)
        : base(message)
    {
    }

    public DatabaseUnreachableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
