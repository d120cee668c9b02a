using Microsoft.Extensions.Logging;
using Npgsql;

namespace ScribeBot.Postgres.Migrations;

/// <summary>
/// Brings the database's schema up to <see cref="Migration.Latest"/>: each pending migration in its own transaction
/// with its <c>schema_version</c> row, all under one advisory lock so instances starting together apply each
/// migration once (the others wait, then find nothing to do). Refuses a schema newer than this build knows.
/// </summary>
internal sealed partial class SchemaMigrator(NpgsqlDataSource dataSource, ILogger logger)
{
    /// <summary>The advisory lock's key: one number no other ScribeBot lock uses (the channel locks take two keys).</summary>
    private const long MigrationLock = 0x5C81BE_0001;

    public async Task<SchemaMigration> MigrateAsync(IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        var known = migrations.Count == 0 ? 0 : migrations[^1].Version;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, null, "SELECT pg_advisory_lock(@key)", cancellationToken, ("key", MigrationLock)).ConfigureAwait(false);
        try
        {
            await ExecuteAsync(
                connection,
                null,
                "CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
                cancellationToken).ConfigureAwait(false);
            var current = await CurrentVersionAsync(connection, cancellationToken).ConfigureAwait(false);
            if (current > known)
            {
                throw new SchemaTooNewException(current, known);
            }

            var applied = new List<string>();
            foreach (var migration in migrations.Where(m => m.Version > current))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(
                    connection,
                    transaction,
                    "INSERT INTO schema_version (version, name) VALUES (@version, @name)",
                    cancellationToken,
                    ("version", migration.Version),
                    ("name", migration.Name)).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                LogApplied(logger, migration.Name);
                applied.Add(migration.Name);
            }

            return new SchemaMigration(current, Math.Max(current, known), applied);
        }
        finally
        {
            // Also released when the connection closes; unlocking keeps a pooled connection from carrying it.
            await ExecuteAsync(connection, null, "SELECT pg_advisory_unlock(@key)", CancellationToken.None, ("key", MigrationLock)).ConfigureAwait(false);
        }
    }

    private static async Task<int> CurrentVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM schema_version", connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied PostgreSQL migration {Migration}")]
    private static partial void LogApplied(ILogger logger, string migration);
}
