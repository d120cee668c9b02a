using Microsoft.Extensions.Logging;
using Npgsql;
using ScribeBot.Postgres.Migrations;

namespace ScribeBot.Postgres;

/// <summary>The <c>migrate</c> verb: the migrations the store applies at start, run ahead of it by an operator.</summary>
public static class PostgresSchema
{
    /// <summary>The newest schema this build knows.</summary>
    public static int LatestVersion => Migration.Latest;

    /// <summary>Applies the pending migrations, under the lock the starting hosts take.</summary>
    /// <exception cref="SchemaTooNewException">A newer ScribeBot migrated the database.</exception>
    /// <exception cref="NpgsqlException">The server could not be reached, or refused the login or a statement.</exception>
    public static async Task<SchemaMigration> MigrateAsync(string connectionString, ILogger logger, CancellationToken cancellationToken)
    {
        await using var dataSource = PostgresConnections.Build(connectionString);
        return await new SchemaMigrator(dataSource, logger).MigrateAsync(Migration.Embedded, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Where a connection string points, without its password: for messages an operator reads.</summary>
    public static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var host = string.IsNullOrEmpty(builder.Host) ? "localhost" : builder.Host;
        var user = string.IsNullOrEmpty(builder.Username) ? "" : $" as {builder.Username}";
        return $"{host}:{builder.Port}/{builder.Database}{user}";
    }
}
