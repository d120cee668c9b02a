using System.Net.Sockets;
using Npgsql;

namespace ScribeBot.Postgres;

/// <summary>
/// Which failures mean "the database is not there now" (and a retry later will do) rather than a bug or a refused
/// statement: those become <see cref="Core.Storage.StoreUnavailableException"/>, which the host answers with 503.
/// </summary>
internal static class DatabaseFailures
{
    /// <summary>
    /// A broken or refused connection (a socket error, a stream cut, a timeout, the pool exhausted: Npgsql's own
    /// transient errors), or a server that says it cannot serve: class 08 (connection exception), 57P (admin or crash
    /// shutdown, "the database system is starting up"), 53 (out of disk, memory or connections), 58 (system I/O error).
    /// A deadlock or a serialization failure is transient too, but the database is up: that is the statement's failure.
    /// </summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException postgres:
                    return IsUnavailableState(postgres.SqlState);
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// What went wrong, in one line for an operator: Npgsql's sentence ("Failed to connect to 127.0.0.1:5432") and the
    /// innermost cause ("Connection refused"). Neither holds the connection string, so no password reaches a log.
    /// </summary>
    public static string Reason(Exception exception)
    {
        var outer = exception is Core.Storage.StoreUnavailableException { InnerException: { } wrapped } ? wrapped : exception;
        var inner = outer;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        return ReferenceEquals(inner, outer) || outer.Message.Contains(inner.Message, StringComparison.Ordinal)
            ? outer.Message
            : $"{outer.Message} ({inner.Message})";
    }

    private static bool IsUnavailableState(string state) =>
        state.StartsWith("08", StringComparison.Ordinal)
        || state.StartsWith("57P", StringComparison.Ordinal)
        || state.StartsWith("53", StringComparison.Ordinal)
        || state.StartsWith("58", StringComparison.Ordinal);
}
