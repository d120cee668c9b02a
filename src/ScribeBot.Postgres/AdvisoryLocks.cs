using Npgsql;

namespace ScribeBot.Postgres;

/// <summary>
/// Advisory locks on channels, shared by every instance on the database, in three lock spaces (the first key of the
/// two-key form). Transaction-scoped: commands, held by a read-then-write on a channel within one transaction (opening
/// an incident), and queues, held while items are enqueued into a channel so the outbox's sequence order is its commit
/// order. Session-scoped: channels, held by a host on a session of its own around a whole read-change-save of the
/// channel's incident (<see cref="Core.Storage.ISharedChannelLocks"/>), which spans several transactions.
/// A host takes the channel lock before any transaction; a transaction takes at most one command lock, before any
/// queue lock, and its queue locks in ordinal order: no two sessions wait on each other in a circle. Hash collisions
/// only make two channels wait for each other.
/// </summary>
internal static class AdvisoryLocks
{
    private const int Channels = 0x5C80;
    private const int Commands = 0x5C81;
    private const int Queues = 0x5C82;

    /// <summary>Waits for the channel's session lock on <paramref name="connection"/>, which holds it until it closes.</summary>
    public static async Task LockChannelAsync(NpgsqlConnection connection, string channelKey, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@space, hashtext(@key))", connection);
        command.Parameters.AddWithValue("space", Channels);
        command.Parameters.AddWithValue("key", channelKey);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Releases the channel's session lock now, rather than when the server notices its session closed.</summary>
    public static async Task UnlockChannelAsync(NpgsqlConnection connection, string channelKey, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@space, hashtext(@key))", connection);
        command.Parameters.AddWithValue("space", Channels);
        command.Parameters.AddWithValue("key", channelKey);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public static Task LockCommandsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string channelKey, CancellationToken cancellationToken) =>
        LockAsync(connection, transaction, Commands, [channelKey], cancellationToken);

    public static Task LockQueuesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<string> channelKeys, CancellationToken cancellationToken) =>
        LockAsync(connection, transaction, Queues, channelKeys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(), cancellationToken);

    private static async Task LockAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, int space, string[] keys, CancellationToken cancellationToken)
    {
        if (keys.Length == 0)
        {
            return;
        }

        // One round trip; unnest yields the array in order, and the locks are taken in it.
        await using var command = new NpgsqlCommand(
            "SELECT pg_advisory_xact_lock(@space, hashtext(k)) FROM unnest(@keys) AS t(k)",
            connection,
            transaction);
        command.Parameters.AddWithValue("space", space);
        command.Parameters.AddWithValue("keys", keys);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
