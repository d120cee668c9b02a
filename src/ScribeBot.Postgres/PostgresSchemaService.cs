using Microsoft.Extensions.Hosting;

namespace ScribeBot.Postgres;

/// <summary>
/// Migrates the schema when the host starts, so a schema newer than this build (or a database that cannot be reached)
/// stops the start rather than the first request; the store also migrates before its first call, for callers without a
/// host.
/// </summary>
internal sealed class PostgresSchemaService(PostgresIncidentStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
