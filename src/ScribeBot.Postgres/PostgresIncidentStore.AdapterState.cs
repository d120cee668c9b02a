using System.Security.Cryptography;
using System.Text;
using Npgsql;
using ScribeBot.Core.Storage;
using static ScribeBot.Postgres.Reads;

namespace ScribeBot.Postgres;

/// <summary>
/// The <see cref="IAdapterStateStore"/> port: one row a key, found by the key's SHA-256 (keys may be longer than an
/// index entry holds) and counted only when the stored key matches exactly.
/// </summary>
internal sealed partial class PostgresIncidentStore : IAdapterStateStore
{
    internal const string UpsertState = """
        INSERT INTO adapter_state (key_sha256, key, value, owner_item_id) VALUES (@hash, @key, @value, @owner)
        ON CONFLICT (key_sha256) DO UPDATE SET key = excluded.key, value = excluded.value, owner_item_id = excluded.owner_item_id
        """;

    public Task<string?> GetStateAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return OnConnectionAsync(
            c => FirstOrDefaultAsync(
                c, null, "SELECT value FROM adapter_state WHERE key_sha256 = @hash AND key = @key", r => r.GetString(0), cancellationToken,
                Parameter("hash", HashOf(key)), Parameter("key", key)),
            cancellationToken);
    }

    public Task SetStateAsync(string key, string value, CancellationToken cancellationToken) => SetAsync(key, value, null, cancellationToken);

    public Task SetItemStateAsync(string outboxItemId, string key, string value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outboxItemId);
        return SetAsync(key, value, outboxItemId, cancellationToken);
    }

    private Task<int> SetAsync(string key, string value, string? owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        return OnConnectionAsync(
            async c =>
            {
                await using var command = new NpgsqlCommand(UpsertState, c);
                command.Parameters.AddWithValue("hash", HashOf(key));
                command.Parameters.AddWithValue("key", key);
                command.Parameters.AddWithValue("value", value);
                command.Parameters.Add(Rows.Text("owner", owner));
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    internal static byte[] HashOf(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
