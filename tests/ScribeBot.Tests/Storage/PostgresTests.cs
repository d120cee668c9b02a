using ScribeBot.Testing.Storage;

namespace ScribeBot.Tests.Storage;

/// <summary>The host's PostgreSQL tests share one throwaway server (xunit finds collection definitions only in the test assembly).</summary>
[CollectionDefinition(PostgresCollection.Name)]
public sealed class PostgresTests : ICollectionFixture<PostgresFixture>
{
}
