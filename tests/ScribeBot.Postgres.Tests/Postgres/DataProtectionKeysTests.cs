using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ScribeBot.Postgres.Tests.Postgres;

/// <summary>
/// The data-protection key ring <see cref="PostgresServiceCollectionExtensions.AddPostgresStore"/> registers is the
/// database's: what one instance protects, another on the same database unprotects, and the ring is one key.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DataProtectionKeysTests(PostgresFixture postgres)
{
    [Fact]
    public async Task What_one_instance_protects_another_on_the_database_unprotects()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        await using var first = await InstanceAsync(database);
        await using var second = await InstanceAsync(database);

        var payload = first.GetDataProtector("session").Protect("alice");

        Assert.Equal("alice", second.GetDataProtector("session").Unprotect(payload));
        // The second found the first's key instead of making its own.
        Assert.Equal(1L, await Sql.CountAsync(database, "SELECT count(*) FROM data_protection_keys"));
    }

    [Fact]
    public async Task Another_purpose_cannot_unprotect_it()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        await using var first = await InstanceAsync(database);
        await using var second = await InstanceAsync(database);

        var payload = first.GetDataProtector("session").Protect("alice");

        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => second.GetDataProtector("antiforgery").Unprotect(payload));
    }

    /// <summary>The services one host registers for its store, migrated as its start migrates them.</summary>
    private static async Task<ServiceProvider> InstanceAsync(string database)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Postgres:ConnectionString"] = database })
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddPostgresStore()
            .BuildServiceProvider();
        await services.GetRequiredService<PostgresIncidentStore>().MigrateAsync(CancellationToken.None);
        return services;
    }
}
