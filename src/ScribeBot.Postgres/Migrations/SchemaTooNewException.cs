namespace ScribeBot.Postgres.Migrations;

/// <summary>
/// The database was migrated by a newer ScribeBot than this one: writing to it could lose what the newer schema
/// holds, so the store refuses to start.
/// </summary>
public sealed class SchemaTooNewException : Exception
{
    public SchemaTooNewException(int databaseVersion, int knownVersion)
        : base($"The PostgreSQL schema is at version {databaseVersion}, newer than this ScribeBot knows (version {knownVersion}): " +
               "run the newer ScribeBot, or restore a database from before the upgrade.")
    {
        DatabaseVersion = databaseVersion;
        KnownVersion = knownVersion;
    }

    public SchemaTooNewException()
    {
    }

    public SchemaTooNewException(string message)
        : base(message)
    {
    }

    public SchemaTooNewException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int DatabaseVersion { get; }

    public int KnownVersion { get; }
}
