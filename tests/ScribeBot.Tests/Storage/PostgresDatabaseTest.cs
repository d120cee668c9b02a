using ScribeBot.Testing.Storage;

namespace ScribeBot.Tests.Storage;

/// <summary>
/// A test class on the run's one throwaway PostgreSQL server (the <see cref="PostgresCollection"/>, started once for all
/// such classes): each test starts with a fresh, empty database of its own on it, <see cref="Database"/>.
/// </summary>
[Collection(PostgresCollection.Name)]
public abstract class PostgresDatabaseTest(PostgresFixture postgres) : IAsyncLifetime
{
    private string? _database;

    /// <summary>This test's database, as its connection string.</summary>
    protected string Database => _database ?? throw new InvalidOperationException("The test's database has not been created.");

    public async Task InitializeAsync() => _database = await postgres.Server.CreateDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
