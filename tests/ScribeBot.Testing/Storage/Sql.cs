using System.Diagnostics;
using Npgsql;

namespace ScribeBot.Testing.Storage;

/// <summary>
/// Reads and writes a test database directly, beside the store or the host, to see what it wrote or to plant what a
/// test needs (a schema from the future). One copy for every test project that runs on PostgreSQL.
/// </summary>
public static class Sql
{
    public static async Task<List<T>> QueryAsync<T>(string database, string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>The first column of every row, as text.</summary>
    public static Task<List<string>> StringsAsync(string database, string sql) => QueryAsync(database, sql, r => r.GetString(0));

    /// <summary>The one value a <c>count(*)</c> answers.</summary>
    public static async Task<long> CountAsync(string database, string sql) => (long)(await ScalarAsync(database, sql))!;

    /// <summary>The one value a query answers, whatever its integer type, as an <see cref="int"/>.</summary>
    public static async Task<int> IntegerAsync(string database, string sql) =>
        Convert.ToInt32(await ScalarAsync(database, sql), CultureInfo.InvariantCulture);

    /// <summary>How many of the database's sessions wait on a lock now: a count for <see cref="WaitForCountAsync"/>.</summary>
    public const string LockWaiters = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'";

    /// <summary>Polls until <paramref name="done"/> holds of the query's count; fails after 30 seconds.</summary>
    public static async Task WaitForCountAsync(string database, string countSql, Func<long, bool> done)
    {
        var deadline = Stopwatch.StartNew();
        while (!done(await CountAsync(database, countSql)))
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), $"Timed out waiting for: {countSql}");
            await Task.Delay(20);
        }
    }

    public static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
