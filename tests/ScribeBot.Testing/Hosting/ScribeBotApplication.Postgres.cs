namespace ScribeBot.Testing;

public sealed partial class ScribeBotApplication
{
    /// <summary>The host stores in PostgreSQL (<c>Storage:Provider=Postgres</c>) at <paramref name="connectionString"/>, as an operator configures it.</summary>
    public ScribeBotApplication WithPostgres(string connectionString) =>
        WithSetting("Storage:Provider", "Postgres").WithSetting("Storage:Postgres:ConnectionString", connectionString);
}
