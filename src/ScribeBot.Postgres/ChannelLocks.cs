using Npgsql;

namespace ScribeBot.Postgres;

/// <summary>
/// Transaction-scoped advisory locks on channels, shared by every instance on the database. Two lock spaces (the
/// first key of the two-key form): commands, held by a read-then-write on a channel (opening an incident), and queues,
/// held while items are enqueued into a channel so the outbox's sequence order is its commit order. A transaction takes
/// at most one command lock, before any queue lock, and its queue locks in ordinal order: no two transactions wait on
/// each other in a circle. Hash collisions only make two channels wait for each other.
/// </summary>
internal static class ChannelLocks
{
    private const int Commands = 0x5C81;
    private const int Queues = 0x5C82;

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
