using ScribeBot.Postgres;
using ScribeBot.Testing.Storage;

namespace ScribeBot.Tests.Migrate;

/// <summary>A store opened the way the host opens it (its <c>Add...Store</c> bound from configuration), through the public ports.</summary>
internal sealed class StorePorts(ServiceProvider provider) : IAsyncDisposable
{
    public IIncidentStore Incidents => provider.GetRequiredService<IIncidentStore>();

    public IOutboxStore Outbox => provider.GetRequiredService<IOutboxStore>();

    public IAdapterStateStore State => provider.GetRequiredService<IAdapterStateStore>();

    public IRetentionStore Retention => provider.GetRequiredService<IRetentionStore>();

    public static StorePorts LiteDb(string path) => new(LiteDbServices.Open(path, flushToDisk: false));

    public static StorePorts Postgres(string connectionString) => new(new ServiceCollection()
        .AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Postgres:ConnectionString"] = connectionString })
            .Build())
        .AddLogging()
        .AddSingleton(TimeProvider.System)
        .AddPostgresStore()
        .BuildServiceProvider());

    public ValueTask DisposeAsync() => provider.DisposeAsync();
}
