using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ScribeBot.Purge;

/// <summary>
/// <c>purge --before YYYY-MM-DD [--yes]</c>, and any <c>--Section:Key value</c> setting, which goes to the configuration
/// as on the host's command line (<c>--Storage:LiteDb:Path FILE</c>). The day is a UTC calendar day: incidents declared
/// before its midnight, UTC, are the ones meant.
/// </summary>
internal sealed record PurgeArguments(DateOnly Before, bool Confirmed, IReadOnlyList<string> Settings)
{
    public const string Usage = "usage: purge --before YYYY-MM-DD [--yes]   (deletes resolved incidents declared before that day, UTC; see README.md)";

    /// <summary>What <c>purge --help</c> prints.</summary>
    public const string Help = Usage + """


        Deletes resolved incidents declared before that day (midnight UTC), each with its timeline entries and posts,
        from the store the host is configured with (the LiteDB data file, or PostgreSQL with Storage:Provider=Postgres).
        Open incidents are never deleted, and numbers are not reused. On LiteDB stop the host first: a data file a
        running host holds is refused. On PostgreSQL the hosts may keep running.

          --before YYYY-MM-DD   the first day to keep (UTC); today at the latest
          --yes                 delete; without it, only say what would be deleted
          --Section:Key VALUE   a setting, as the host takes it (e.g. --Storage:LiteDb:Path data/scribebot.db)

        Exit codes: 0 done or nothing to do; 1 the store failed part way or could not be reached (run it again);
        2 bad arguments, settings or no data file; 3 the data file is in use by another process; 5 the PostgreSQL
        schema is newer than this build.
        """;

    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>Midnight UTC at the start of <see cref="Before"/>.</summary>
    public DateTimeOffset DeclaredBefore => new(Before.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public string BeforeText => Before.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>Reads the arguments; a day after today (UTC, by <paramref name="now"/>) is refused, there being nothing declared then yet.</summary>
    public static bool TryParse(
        IReadOnlyList<string> args, DateTimeOffset now, [NotNullWhen(true)] out PurgeArguments? parsed, [NotNullWhen(false)] out string? error)
    {
        parsed = null;
        DateOnly? before = null;
        var confirmed = false;
        var settings = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = Split(args[i]);
            switch (name)
            {
                case "--before" when before is not null:
                    error = "--before is given twice.";
                    return false;
                case "--before":
                    var value = inlineValue ?? (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null);
                    if (string.IsNullOrEmpty(value))
                    {
                        error = "--before needs a date, written YYYY-MM-DD (e.g. 2025-01-01).";
                        return false;
                    }

                    if (!DateOnly.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                    {
                        error = $"--before '{value}' is not a date written YYYY-MM-DD (e.g. 2025-01-01).";
                        return false;
                    }

                    if (day > DateOnly.FromDateTime(now.UtcDateTime))
                    {
                        error = $"--before {value} is in the future (today is {DateOnly.FromDateTime(now.UtcDateTime).ToString(DateFormat, CultureInfo.InvariantCulture)}, UTC); " +
                            "give a day that has begun.";
                        return false;
                    }

                    before = day;
                    break;
                case "--yes" when inlineValue is null:
                    confirmed = true;
                    break;
                case "--yes":
                    error = "--yes takes no value.";
                    return false;
                case var setting when setting.StartsWith("--", StringComparison.Ordinal) && setting.Contains(':', StringComparison.Ordinal):
                    // A configuration key, as the host takes it: --Storage:LiteDb:Path FILE or --Storage:LiteDb:Path=FILE.
                    if (inlineValue is null && i + 1 >= args.Count)
                    {
                        error = $"{setting} needs a value.";
                        return false;
                    }

                    settings.Add(setting);
                    settings.Add(inlineValue ?? args[++i]);
                    break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    error = $"unknown option '{option}'.";
                    return false;
                default:
                    error = $"unexpected argument '{args[i]}'.";
                    return false;
            }
        }

        if (before is not { } date)
        {
            error = "--before is required: the day before which resolved incidents are deleted, written YYYY-MM-DD.";
            return false;
        }

        parsed = new PurgeArguments(date, confirmed, settings);
        error = null;
        return true;
    }

    private static (string Name, string? Value) Split(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }
}
