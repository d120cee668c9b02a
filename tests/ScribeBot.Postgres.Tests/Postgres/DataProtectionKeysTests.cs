using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ScribeBot.Postgres.Tests.Postgres;

/// <summary>
/// The data-protection key ring <see cref="PostgresServiceCollectionExtensions.AddPostgresStore"/> registers is the
/// database's: what one instance protects, another on the same database unprotects, and the ring is one key.
/// </summary>
public sealed class DataProtectionKeysTests(PostgresFixture postgres) : PostgresStoreTestBase(postgres)
{
    [Fact]
    public async Task What_one_instance_protects_another_on_the_database_unprotects()
    {
        var (database, first, second) = await TwoHostsAsync();

        var payload = first.GetDataProtector("session").Protect("alice");

        Assert.Equal("alice", second.GetDataProtector("session").Unprotect(payload));
        // The second found the first's key instead of making its own.
        Assert.Equal(1L, await Sql.CountAsync(database, "SELECT count(*) FROM data_protection_keys"));
    }

    [Fact]
    public async Task Another_purpose_cannot_unprotect_it()
    {
        var (_, first, second) = await TwoHostsAsync();

        var payload = first.GetDataProtector("session").Protect("alice");

        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => second.GetDataProtector("antiforgery").Unprotect(payload));
    }

    /// <summary>The services of two hosts on one fresh database, each as <see cref="InstanceAsync"/> gives them.</summary>
    private async Task<(string Database, ServiceProvider First, ServiceProvider Second)> TwoHostsAsync()
    {
        var database = await NewDatabaseAsync();
        return (database, DisposeAfterTest(await InstanceAsync(database)), DisposeAfterTest(await InstanceAsync(database)));
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
