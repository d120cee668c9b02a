using System.Globalization;
using System.Text.RegularExpressions;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Text;
using ScribeBot.Core.Time;

namespace ScribeBot.Core.Commands;

// Values with a fixed form: a title with its severity, a severity, a share of users, a time zone, a number of days.
public static partial class CommandParser
{
    private static CommandParseResult ParseStart(string rest)
    {
        var severity = DefaultSeverity;
        var title = rest;
        var last = LastToken(rest);
        if (last is not null && SeverityToken().IsMatch(last))
        {
            if (!SeverityLabels.TryParse(last, out severity))
            {
                return CommandParseResult.Fail($"'{TextShortener.Shorten(last)}' is not a severity: use sev1, sev2, sev3 or sev4. Usage: {CommandUsage.Example("start")}");
            }

            title = rest[..^last.Length].TrimEnd();
        }

        if (IsBlank(title))
        {
            return CommandParseResult.Fail($"Give the incident a title. Usage: {CommandUsage.Example("start")}");
        }

        if (title.Length > MaxTitleLength)
        {
            return CommandParseResult.Fail($"The title is {title.Length} characters long; keep it to {MaxTitleLength} at most and put details in /incident impact or a note.");
        }

        return CommandParseResult.Ok(new StartCommand(title, severity));
    }

    private static CommandParseResult ParseSeverity(string rest)
    {
        var token = rest.Trim();
        if (token.Length == 0)
        {
            return CommandParseResult.Fail($"Say which severity. Usage: {CommandUsage.Example("severity")}");
        }

        return SeverityLabels.TryParse(token, out var severity)
            ? CommandParseResult.Ok(new SeverityCommand(severity))
            : CommandParseResult.Fail($"'{TextShortener.Shorten(token)}' is not a severity: use sev1, sev2, sev3 or sev4.");
    }

    private static string? LastToken(string text)
    {
        var trimmed = text.TrimEnd();
        if (trimmed.Length == 0)
        {
            return null;
        }

        var split = trimmed.LastIndexOfAny([' ', '\t', '\n', '\r']);
        return split < 0 ? trimmed : trimmed[(split + 1)..];
    }

    [GeneratedRegex(@"^sev\d+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SeverityToken();

    private static CommandParseResult ParseUsers(string rest)
    {
        if (rest.Length == 0)
        {
            return CommandParseResult.Fail($"Say what share of users is affected. Usage: {CommandUsage.Example("users")}, like /incident users 12%");
        }

        var match = Percentage().Match(rest);
        if (!match.Success
            || !decimal.TryParse(match.Groups["n"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent)
            || percent > 100)
        {
            return CommandParseResult.Fail($"'{TextShortener.Shorten(rest)}' is not a percentage between 0 and 100. Usage: {CommandUsage.Example("users")}, like /incident users 12%");
        }

        return CommandParseResult.Ok(new UsersAffectedCommand(percent));
    }

    [GeneratedRegex(@"^(?<n>\d{1,3}(?:\.\d{1,4})?)\s*%?$", RegexOptions.CultureInvariant)]
    private static partial Regex Percentage();


    private static CommandParseResult ParseTimeZone(string rest)
    {
        var id = rest.Trim();
        if (id.Length == 0)
        {
            return CommandParseResult.Fail($"Say which time zone. Usage: {CommandUsage.Example("tz")}");
        }

        return IncidentTimeZone.TryFind(id, out var zone)
            ? CommandParseResult.Ok(new TimeZoneCommand(zone.Id))
            : CommandParseResult.Fail($"'{TextShortener.Shorten(id)}' is not an IANA time zone. Use an id like Europe/Berlin, America/New_York or UTC.");
    }

    private static CommandParseResult ParseStats(string rest)
    {
        var value = rest.Trim();
        if (value.Length == 0)
        {
            return CommandParseResult.Ok(new StatsCommand(DefaultStatsDays));
        }

        if (value.EndsWith('d'))
        {
            value = value[..^1];
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= MaxStatsDays
            ? CommandParseResult.Ok(new StatsCommand(days))
            : CommandParseResult.Fail($"'{TextShortener.Shorten(rest)}' is not a number of days between 1 and {MaxStatsDays}. Usage: {CommandUsage.Example("stats")}");
    }
}
