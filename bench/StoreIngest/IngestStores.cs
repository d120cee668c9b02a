using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ScribeBot.Core.Storage;
using ScribeBot.LiteDb;
using ScribeBot.Postgres;
using ScribeBot.Testing.Storage;

/// <summary>
/// The stores under test, each built as the host builds it (its <c>Add...Store()</c> and configuration keys) on fresh
/// storage for every run: a new LiteDB file under <paramref name="root"/>, or a new database on the throwaway server.
/// </summary>
internal sealed class IngestStores(string root, PostgresServer postgres)
{
    public Task<ServiceProvider> LiteDbAsync(bool flushToDisk)
    {
        var services = Build(
            new Dictionary<string, string?>
            {
                [$"{LiteDbOptions.SectionName}:Path"] = Path.Combine(root, Guid.NewGuid().ToString("N"), "bench.db"),
                [$"{LiteDbOptions.SectionName}:FlushToDisk"] = flushToDisk.ToString(CultureInfo.InvariantCulture),
            },
            s => s.AddLiteDbStore());
        // Its hosted service only checkpoints now and then; the store opens its file when first resolved.
        _ = services.GetRequiredService<IIncidentStore>();
        return Task.FromResult(services);
    }

    public async Task<ServiceProvider> PostgresAsync()
    {
        var services = Build(
            new Dictionary<string, string?>
            {
                [$"{PostgresOptions.SectionName}:ConnectionString"] = await postgres.CreateDatabaseAsync(),
            },
            s => s.AddPostgresStore());
        // The schema is migrated by the store's hosted service, before the clock starts.
        await StartAsync(services);
        return services;
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<IServiceCollection> addStore)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        addStore(services);
        return services.BuildServiceProvider();
    }

    private static async Task StartAsync(ServiceProvider services)
    {
        foreach (var hosted in services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }
    }
}
