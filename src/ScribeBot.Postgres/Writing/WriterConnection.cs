using Npgsql;

namespace ScribeBot.Postgres.Writing;

/// <summary>
/// A batch writer's own connection, kept open from batch to batch with its insert prepared on the server: a pooled
/// open would reset the session (and drop the prepared statement) before every batch, and parsing and planning the
/// insert again each time cost as much as a few rows. A connection that failed is thrown away; the next batch opens
/// a new one, so a database that was restarted is used again as soon as it is back. So is one kept from before a
/// <paramref name="generation"/> change (the store saw the database go away).
/// </summary>
internal sealed class WriterConnection(NpgsqlDataSource dataSource, Func<long> generation) : IAsyncDisposable
{
    private NpgsqlConnection? _connection;
    private NpgsqlCommand? _insert;
    private long _openedIn;

    /// <summary>The open connection and its prepared insert (parameters to be given values), opened when needed.</summary>
    public async Task<(NpgsqlConnection Connection, NpgsqlCommand Insert)> GetAsync(CancellationToken cancellationToken)
    {
        var current = generation();
        if (_connection is { State: System.Data.ConnectionState.Open } connection && _insert is { } insert && _openedIn == current)
        {
            return (connection, insert);
        }

        await DiscardAsync().ConfigureAwait(false);
        connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            insert = EntryBatchWrite.CreateInsert(connection);
            await insert.PrepareAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        (_connection, _insert, _openedIn) = (connection, insert, current);
        return (connection, insert);
    }

    /// <summary>After a failure: the connection may be broken or mid-transaction; the next batch starts afresh.</summary>
    public async Task DiscardAsync()
    {
        if (_insert is not null)
        {
            await _insert.DisposeAsync().ConfigureAwait(false);
            _insert = null;
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
            _connection = null;
        }
    }

    public async ValueTask DisposeAsync() => await DiscardAsync().ConfigureAwait(false);
}
