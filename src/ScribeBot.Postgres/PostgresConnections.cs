using Npgsql;

namespace ScribeBot.Postgres;

/// <summary>
/// The one way this project turns a connection string into a pool: named, so the server's views show who it is, and
/// with durable commits (<see cref="DurableCommits"/>), so migrate-store and purge write as the store does.
/// </summary>
internal static class PostgresConnections
{
    public static NpgsqlDataSource Build(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.ApplicationName ??= "ScribeBot";
        DurableCommits.Apply(builder.ConnectionStringBuilder);
        return builder.Build();
    }

    /// <summary>
    /// Sessions that only hold a channel's lock (<see cref="AdvisoryLocks.LockChannelAsync"/>), apart from the store's
    /// pool so that holders never take the connections their own work needs. Not pooled: closing a session is what
    /// releases its locks for certain, where a pooled connection would carry a lock it failed to release back into the
    /// pool. The server probes an idle holder's connection (TCP keepalive after 10 s, every 5 s, 3 probes), so a host
    /// that vanished without closing it (power cut, network partition) frees its channels in about half a minute
    /// instead of the system's default two hours.
    /// </summary>
    public static NpgsqlDataSource BuildForChannelLocks(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var settings = builder.ConnectionStringBuilder;
        settings.ApplicationName = $"{settings.ApplicationName ?? "ScribeBot"} (channel lock)";
        settings.Pooling = false;
        const string Keepalive = "-c tcp_keepalives_idle=10 -c tcp_keepalives_interval=5 -c tcp_keepalives_count=3";
        settings.Options = string.IsNullOrWhiteSpace(settings.Options) ? Keepalive : $"{settings.Options} {Keepalive}";
        return builder.Build();
    }
}
