namespace ScribeBot.Postgres.Tests;

/// <summary>Every PostgreSQL test class joins this collection: one throwaway server for the run, a database per test.</summary>
[CollectionDefinition(PostgresCollection.Name)]
public sealed class PostgresTests : ICollectionFixture<PostgresFixture>
{
}
