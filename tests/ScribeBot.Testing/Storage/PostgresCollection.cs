namespace ScribeBot.Testing.Storage;

/// <summary>
/// The one throwaway server of a test project's PostgreSQL tests: a test project declares
/// <c>[CollectionDefinition(PostgresCollection.Name)] class X : ICollectionFixture&lt;PostgresFixture&gt;</c> and marks its
/// PostgreSQL test classes <c>[Collection(PostgresCollection.Name)]</c>; xunit starts the server before the first and
/// stops it after the last. (xunit 2 finds collection definitions only in the test assembly itself.)
/// </summary>
public static class PostgresCollection
{
    public const string Name = "PostgreSQL";
}

/// <summary>Starts the <see cref="PostgresServer"/> for a collection, and stops and removes it afterwards.</summary>
public sealed class PostgresFixture() : StartedBeforeTests<PostgresServer>("The PostgreSQL server has not started.")
{
    public PostgresServer Server => Started;

    protected override Task<PostgresServer> StartAsync() => PostgresServer.StartAsync();
}
