using System.Globalization;
using System.Text.RegularExpressions;
using ScribeBot.Core.Text;

namespace ScribeBot.Core.Commands;

// Times of day: detected [at HH:MM], began HH:MM, recovered [at HH:MM].
public static partial class CommandParser
{
    private static CommandParseResult ParseDetected(string rest)
    {
        var match = DetectedAt().Match(rest);
        string method = rest;
        TimeOnly? at = null;
        if (match.Success)
        {
            if (!TryParseTime(match.Groups["time"].Value, out var time))
            {
                return CommandParseResult.Fail($"'{match.Groups["time"].Value}' is not a time of day: use HH:MM, 24-hour clock. Usage: {CommandUsage.Example("detected")}");
            }

            method = match.Groups["how"].Value.TrimEnd();
            at = time;
        }

        return RequireText("detected", method, m => new DetectedCommand(m, at));
    }

    private static CommandParseResult ParseBegan(string rest)
    {
        var value = rest.StartsWith("at ", StringComparison.OrdinalIgnoreCase) ? rest[3..].Trim() : rest;
        if (value.Length == 0)
        {
            return CommandParseResult.Fail($"Say when impact began. Usage: {CommandUsage.Example("began")}");
        }

        return TryParseTime(value, out var time)
            ? CommandParseResult.Ok(new BeganCommand(time))
            : CommandParseResult.Fail($"'{TextShortener.Shorten(value)}' is not a time of day: use HH:MM, 24-hour clock, like /incident began 13:45.");
    }

    // "recovered" alone is now; "recovered at 11:30" (as detected ... at) and "recovered 11:30" (as began) both give a time.
    private static CommandParseResult ParseRecovered(string rest)
    {
        if (rest.Length == 0)
        {
            return CommandParseResult.Ok(new RecoveredCommand(null));
        }

        var value = rest.StartsWith("at ", StringComparison.OrdinalIgnoreCase) ? rest[3..].Trim() : rest;
        return TryParseTime(value, out var time)
            ? CommandParseResult.Ok(new RecoveredCommand(time))
            : CommandParseResult.Fail($"'{TextShortener.Shorten(value)}' is not a time of day: use HH:MM, 24-hour clock, or nothing for now. Usage: {CommandUsage.Example("recovered")}");
    }

    internal static bool TryParseTime(string value, out TimeOnly time) =>
        TimeOnly.TryParseExact(value.Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    [GeneratedRegex(@"^(?<how>.*?)\s+at\s+(?<time>\d{1,2}:\d{2})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex DetectedAt();
}
