using ScribeBot.Testing.Storage;

namespace ScribeBot.Tests.Storage;

/// <summary>
/// A test class on the run's one throwaway PostgreSQL server (the <see cref="PostgresCollection"/>, started once for all
/// such classes): each test takes a fresh, empty database of its own from it.
/// </summary>
[Collection(PostgresCollection.Name)]
public abstract class PostgresDatabaseTest(PostgresFixture postgres)
{
    /// <summary>A new empty database on the shared server, as its connection string.</summary>
    protected Task<string> CreateDatabaseAsync() => postgres.Server.CreateDatabaseAsync();
}
