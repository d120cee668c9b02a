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
}
