using System.Globalization;

namespace ScribeBot.Bench.History;

/// <summary>
/// The benchmark's command line. <c>--store LiteDb|Postgres</c> (with <c>--postgres "connection string"</c>),
/// <c>--steps 100,1000,10000,50000</c>, <c>--samples N</c> and <c>--warm-ups N</c> (timed and untimed rounds per step),
/// <c>--restarts N</c> (timed starts per step), <c>--data DIR</c> (keep the seeded store there and reuse it),
/// <c>--keep</c> (keep the temporary work directory), <c>--no-bot-token</c> (every post stays pending, as in the
/// profile), <c>--host-seeding-up-to N</c> (steps up to N are seeded through the host, larger ones in-process),
/// <c>--seed-channels N</c> (channels seeded side by side), <c>--host-build readytorun|release</c> (the host as
/// deployed, a ReadyToRun publish, or the plain Release build).
/// </summary>
internal sealed record HistorySettings
{
    public const string LiteDb = "LiteDb";
    public const string Postgres = "Postgres";

    public string Store { get; init; } = LiteDb;
    public string? PostgresConnection { get; init; }
    public IReadOnlyList<int> Steps { get; init; } = [100, 1_000, 10_000, 50_000];
    public int Samples { get; init; } = 30;
    public int WarmUps { get; init; } = 10;
    public int Restarts { get; init; } = 3;
    public string? DataDirectory { get; init; }
    public bool Keep { get; init; }
    public bool BotToken { get; init; } = true;
    public int HostSeedingUpTo { get; init; } = 1_000;
    public int SeedChannels { get; init; } = 8;
    public bool ReadyToRun { get; init; } = true;

    private const string Usage =
        "Options: --store LiteDb|Postgres --postgres \"connection string\" --steps 100,1000,10000,50000 --samples N --warm-ups N " +
        "--restarts N --data DIR --keep --no-bot-token --host-seeding-up-to N --seed-channels N --host-build readytorun|release";

    public static HistorySettings Parse(string[] args)
    {
        var settings = new HistorySettings();
        for (var i = 0; i < args.Length; i++)
        {
            settings = args[i] switch
            {
                "--store" => settings with { Store = StoreName(Value(args, ++i)) },
                "--postgres" => settings with { PostgresConnection = Value(args, ++i) },
                "--steps" => settings with { Steps = StepList(Value(args, ++i)) },
                "--samples" => settings with { Samples = Math.Max(1, Number(args, ++i)) },
                "--warm-ups" => settings with { WarmUps = Number(args, ++i) },
                "--restarts" => settings with { Restarts = Math.Max(1, Number(args, ++i)) },
                "--data" => settings with { DataDirectory = Path.GetFullPath(Value(args, ++i)) },
                "--keep" => settings with { Keep = true },
                "--no-bot-token" => settings with { BotToken = false },
                "--host-seeding-up-to" => settings with { HostSeedingUpTo = Number(args, ++i) },
                "--seed-channels" => settings with { SeedChannels = Math.Max(1, Number(args, ++i)) },
                "--host-build" => settings with { ReadyToRun = HostBuild(Value(args, ++i)) },
                "--help" or "-h" => throw new ArgumentException(Usage),
                var unknown => throw new ArgumentException($"Unknown option {unknown}. {Usage}"),
            };
        }

        return settings;
    }

    private static string StoreName(string value) =>
        string.Equals(value, LiteDb, StringComparison.OrdinalIgnoreCase) ? LiteDb
        : string.Equals(value, Postgres, StringComparison.OrdinalIgnoreCase) || string.Equals(value, "PostgreSQL", StringComparison.OrdinalIgnoreCase) ? Postgres
        : throw new ArgumentException($"--store is LiteDb or Postgres, not \"{value}\".");

    private static bool HostBuild(string value) =>
        string.Equals(value, "readytorun", StringComparison.OrdinalIgnoreCase) ? true
        : string.Equals(value, "release", StringComparison.OrdinalIgnoreCase) ? false
        : throw new ArgumentException($"--host-build is readytorun or release, not \"{value}\".");

    private static int[] StepList(string value)
    {
        var steps = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.TryParse(s.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw new ArgumentException($"--steps takes whole numbers above zero, like 100,1000,10000; \"{s}\" is not one."))
            .ToArray();
        return steps.Length > 0 && steps.SequenceEqual(steps.Order().Distinct())
            ? steps
            : throw new ArgumentException("--steps must be rising, like 100,1000,10000,50000.");
    }

    private static string Value(string[] args, int index) =>
        index < args.Length ? args[index] : throw new ArgumentException($"{args[index - 1]} needs a value.");

    private static int Number(string[] args, int index) =>
        int.TryParse(Value(args, index), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"{args[index - 1]} needs a whole number.");
}
