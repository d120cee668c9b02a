using Npgsql;

namespace ScribeBot.Postgres;

/// <summary>
/// Nothing acknowledged is lost: a commit must be on disk before Slack or Teams is answered. A server, database or role
/// set to <c>synchronous_commit = off</c> (a common tuning for bulk loads) would let the server acknowledge a commit
/// it can still lose in a crash, so the store's sessions start with <c>synchronous_commit = on</c>, unless the
/// connection string's <c>Options</c> already name a value (an operator's <c>remote_apply</c>, say), which is kept.
/// It is a start-up option rather than a <c>SET</c>: the pool's reset of a returned connection keeps start-up options.
/// </summary>
internal static class DurableCommits
{
    private const string Setting = "synchronous_commit";

    public static void Apply(NpgsqlConnectionStringBuilder connectionString)
    {
        var options = connectionString.Options;
        if (options is null || !options.Contains(Setting, StringComparison.OrdinalIgnoreCase))
        {
            connectionString.Options = string.IsNullOrWhiteSpace(options) ? $"-c {Setting}=on" : $"{options} -c {Setting}=on";
        }
    }
}
