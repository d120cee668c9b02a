using System.Globalization;

namespace ScribeBot.Bench.Ingest;

/// <summary>The benchmark's command line: <c>--seconds</c>, <c>--warm-up-seconds</c>, <c>--soak-seconds</c>, <c>--rate</c>, <c>--connections</c>, <c>--skip-bolt</c>, <c>--skip-webapi-modes</c>.</summary>
internal sealed record BenchSettings(int Seconds, int WarmUpSeconds, int SoakSeconds, int Rate, int Connections, bool SkipBolt, bool SkipWebApiModes = false)
{
    public static BenchSettings Parse(string[] args)
    {
        var settings = new BenchSettings(Seconds: 20, WarmUpSeconds: 5, SoakSeconds: 300, Rate: 5_000, Connections: 32, SkipBolt: false);
        for (var i = 0; i < args.Length; i++)
        {
            settings = args[i] switch
            {
                "--seconds" => settings with { Seconds = Number(args, ++i) },
                "--warm-up-seconds" => settings with { WarmUpSeconds = Number(args, ++i) },
                "--soak-seconds" => settings with { SoakSeconds = Number(args, ++i) },
                "--rate" => settings with { Rate = Number(args, ++i) },
                "--connections" => settings with { Connections = Number(args, ++i) },
                "--skip-bolt" => settings with { SkipBolt = true },
                "--skip-webapi-modes" => settings with { SkipWebApiModes = true },
                var unknown => throw new ArgumentException($"Unknown option {unknown}. Options: --seconds N --warm-up-seconds N --soak-seconds N --rate N --connections N --skip-bolt --skip-webapi-modes"),
            };
        }

        return settings;
    }

    private static int Number(string[] args, int index) =>
        index < args.Length && int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw new ArgumentException($"{args[index - 1]} needs a whole number.");
}
