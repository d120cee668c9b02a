using Npgsql;

namespace ScribeBot.Postgres;

/// <summary>The one way this project turns a connection string into a pool: named, so the server's views show who it is.</summary>
internal static class PostgresConnections
{
    public static NpgsqlDataSource Build(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.ApplicationName ??= "ScribeBot";
        return builder.Build();
    }
}
