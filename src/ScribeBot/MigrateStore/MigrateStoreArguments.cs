using System.Diagnostics.CodeAnalysis;

namespace ScribeBot.MigrateStore;

/// <summary>
/// <c>migrate-store --from litedb:PATH --to postgres:CONNECTION</c>, and any <c>--Section:Key value</c> setting. An
/// empty path or connection (<c>litedb:</c>, <c>postgres:</c>) means the configured one (<c>Storage:LiteDb:Path</c>,
/// <c>Storage:Postgres:ConnectionString</c>), so a password can stay in the environment rather than on a command line
/// every user of the machine can read.
/// </summary>
internal sealed record MigrateStoreArguments(string? LiteDbPath, string? ConnectionString, IReadOnlyList<string> Settings)
{
    public const string Usage = "usage: migrate-store --from litedb:PATH --to postgres:CONNECTION   (copies a LiteDB data file into PostgreSQL; see README.md)";

    public const string Help = Usage + """


        Copies every incident, timeline entry, outbox item and adapter record of a LiteDB data file into a PostgreSQL
        database, and sets each workspace's incident counter so numbering continues. Rows already there (by their ids)
        are left alone, so running it again copies only what is new. Stop the host first: a data file a running host
        holds is refused.

          --from litedb:PATH         the data file; litedb: alone means Storage:LiteDb:Path
          --to postgres:CONNECTION   an Npgsql connection string; postgres: alone means Storage:Postgres:ConnectionString
                                     (keep a password there, in Storage__Postgres__ConnectionString, not on the command line)
          --Section:Key VALUE        a setting, as the host takes it

        Exit codes: 0 copied, or nothing new to copy; 1 a store failed part way (run it again); 2 bad arguments, no data
        file, or a database that holds other incidents; 3 the data file is in use; 5 the schema is newer than this build.
        """;

    private const string LiteDbScheme = "litedb:";
    private const string PostgresScheme = "postgres:";

    public static bool TryParse(IReadOnlyList<string> args, [NotNullWhen(true)] out MigrateStoreArguments? parsed, [NotNullWhen(false)] out string? error)
    {
        parsed = null;
        string? from = null;
        string? to = null;
        var settings = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var (name, inline) = IsEndpointOption(arg) ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
            switch (name)
            {
                case "--from" or "--to" when (name == "--from" ? from : to) is not null:
                    error = $"{name} is given twice.";
                    return false;
                case "--from" or "--to":
                    var value = inline ?? (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null);
                    if (string.IsNullOrEmpty(value))
                    {
                        error = name == "--from" ? "--from needs a source, written litedb:PATH." : "--to needs a target, written postgres:CONNECTION.";
                        return false;
                    }

                    if (name == "--from")
                    {
                        from = value;
                    }
                    else
                    {
                        to = value;
                    }

                    break;
                default:
                    if (VerbSetting(args, ref i, settings, out var settingError))
                    {
                        if (settingError is not null)
                        {
                            error = settingError;
                            return false;
                        }

                        break;
                    }

                    error = arg.StartsWith("--", StringComparison.Ordinal) ? $"unknown option '{arg}'." : $"unexpected argument '{arg}'.";
                    return false;
            }
        }

        if (from is null || to is null)
        {
            error = from is null ? "--from is required: the LiteDB data file to copy, written litedb:PATH." : "--to is required: the PostgreSQL database to copy into, written postgres:CONNECTION.";
            return false;
        }

        if (!from.StartsWith(LiteDbScheme, StringComparison.OrdinalIgnoreCase))
        {
            error = $"--from '{from}' is not litedb:PATH; only a LiteDB data file can be copied from.";
            return false;
        }

        if (!to.StartsWith(PostgresScheme, StringComparison.OrdinalIgnoreCase))
        {
            // The value may be a connection string with a password: it is not repeated.
            error = "--to is not postgres:CONNECTION; only PostgreSQL can be copied into.";
            return false;
        }

        parsed = new MigrateStoreArguments(Blank(from[LiteDbScheme.Length..]), Blank(to[PostgresScheme.Length..]), settings);
        error = null;
        return true;
    }

    private static bool IsEndpointOption(string arg) =>
        arg.StartsWith("--from=", StringComparison.Ordinal) || arg.StartsWith("--to=", StringComparison.Ordinal);

    private static bool VerbSetting(IReadOnlyList<string> args, ref int index, List<string> settings, out string? error) =>
        Hosting.VerbConfiguration.TryTakeSetting(args, ref index, settings, out error);

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
