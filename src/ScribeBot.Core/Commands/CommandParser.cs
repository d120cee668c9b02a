using System.Globalization;
using System.Text.RegularExpressions;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Time;

namespace ScribeBot.Core.Commands;

/// <summary>
/// Parses the text after <c>/incident</c> into a command, the same way for every platform. Pure: no I/O, no
/// clock. Every failure names what is wrong and shows the usage.
/// </summary>
public static partial class CommandParser
{
    /// <summary>Longest free-text argument; longer ones are refused rather than truncated silently.</summary>
    public const int MaxTextLength = 3000;

    public const int MaxTitleLength = 200;

    public const int DefaultStatsDays = 30;
    public const int MaxStatsDays = 3650;

    public const Severity DefaultSeverity = Severity.Sev3;

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["acknowledge"] = "ack",
        ["root-cause"] = "rootcause",
        ["timezone"] = "tz",
        ["sev"] = "severity",
        ["task"] = "todo",
        ["postmortem-draft"] = "postmortem",
    };

    public static CommandParseResult Parse(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return CommandParseResult.Ok(new HelpCommand(null));
        }

        var split = trimmed.IndexOfAny([' ', '\t', '\n', '\r']);
        var verb = (split < 0 ? trimmed : trimmed[..split]).ToLowerInvariant();
        var rest = split < 0 ? string.Empty : trimmed[(split + 1)..].Trim();
        verb = Aliases.GetValueOrDefault(verb, verb);

        return verb switch
        {
            "start" => ParseStart(rest),
            "ack" => CommandParseResult.Ok(new AcknowledgeCommand()),
            "detected" => ParseDetected(rest),
            "began" => ParseBegan(rest),
            "update" => RequireText(verb, rest, t => new UpdateCommand(t)),
            "impact" => RequireText(verb, rest, t => new ImpactCommand(t)),
            "users" => ParseUsers(rest),
            "escalate" => ParseEscalate(rest),
            "misleading" => RequireText(verb, rest, t => new EventCommand(EventKind.Misleading, t)),
            "action" => RequireText(verb, rest, t => new EventCommand(EventKind.Action, t)),
            "note" => RequireText(verb, rest, t => new EventCommand(EventKind.Note, t)),
            "rootcause" => RequireText(verb, rest, t => new RootCauseCommand(t)),
            "resolution" => RequireText(verb, rest, t => new ResolutionCommand(t)),
            "improve" => RequireText(verb, rest, t => new ImproveCommand(t)),
            "todo" => ParseTodo(rest),
            "severity" => ParseSeverity(rest),
            "commander" => ParseCommander(rest),
            "tz" => ParseTimeZone(rest),
            "status" => CommandParseResult.Ok(new StatusCommand()),
            "timeline" => CommandParseResult.Ok(new TimelineCommand()),
            "resolve" => ParseResolve(rest),
            "postmortem" => CommandParseResult.Ok(new PostmortemCommand()),
            "reopen" => CommandParseResult.Ok(new ReopenCommand()),
            "help" => ParseHelp(rest),
            "stats" => ParseStats(rest),
            _ => CommandParseResult.Fail(
                $"I don't know the command '{Shorten(verb)}'. Try /incident help for the list of commands."),
        };
    }

    private static CommandParseResult ParseStart(string rest)
    {
        var severity = DefaultSeverity;
        var title = rest;
        var last = LastToken(rest);
        if (last is not null && SeverityToken().IsMatch(last))
        {
            if (!TryParseSeverity(last, out severity))
            {
                return CommandParseResult.Fail($"'{Shorten(last)}' is not a severity: use sev1, sev2, sev3 or sev4. Usage: {CommandUsage.Example("start")}");
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
            : CommandParseResult.Fail($"'{Shorten(value)}' is not a time of day: use HH:MM, 24-hour clock, like /incident began 13:45.");
    }

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
            return CommandParseResult.Fail($"'{Shorten(rest)}' is not a percentage between 0 and 100. Usage: {CommandUsage.Example("users")}, like /incident users 12%");
        }

        return CommandParseResult.Ok(new UsersAffectedCommand(percent));
    }

    private static CommandParseResult ParseEscalate(string rest)
    {
        var (who, reason) = SplitFirst(rest);
        if (who.Length == 0)
        {
            return CommandParseResult.Fail($"Say who you escalated to. Usage: {CommandUsage.Example("escalate")}");
        }

        return TooLong(rest) ?? CommandParseResult.Ok(new EscalateCommand(who, reason.Length == 0 ? null : reason));
    }

    private static CommandParseResult ParseTodo(string rest)
    {
        // The owner is free text too: check the whole argument, as escalate does.
        var match = TrailingOwner().Match(rest);
        return TooLong(rest) ?? (match.Success
            ? RequireText("todo", rest[..match.Index].TrimEnd(), t => new TodoCommand(t, match.Groups["owner"].Value))
            : RequireText("todo", rest, t => new TodoCommand(t, null)));
    }

    private static CommandParseResult ParseSeverity(string rest)
    {
        var token = rest.Trim();
        if (token.Length == 0)
        {
            return CommandParseResult.Fail($"Say which severity. Usage: {CommandUsage.Example("severity")}");
        }

        return TryParseSeverity(token, out var severity)
            ? CommandParseResult.Ok(new SeverityCommand(severity))
            : CommandParseResult.Fail($"'{Shorten(token)}' is not a severity: use sev1, sev2, sev3 or sev4.");
    }

    private static CommandParseResult ParseCommander(string rest)
    {
        var (who, _) = SplitFirst(rest);
        return who.Length == 0
            ? CommandParseResult.Fail($"Say who takes command. Usage: {CommandUsage.Example("commander")}")
            : TooLong(who) ?? CommandParseResult.Ok(new CommanderCommand(who));
    }

    private static CommandParseResult ParseTimeZone(string rest)
    {
        var id = rest.Trim();
        if (id.Length == 0)
        {
            return CommandParseResult.Fail($"Say which time zone. Usage: {CommandUsage.Example("tz")}");
        }

        return IncidentTimeZone.TryFind(id, out var zone)
            ? CommandParseResult.Ok(new TimeZoneCommand(zone.Id))
            : CommandParseResult.Fail($"'{Shorten(id)}' is not an IANA time zone. Use an id like Europe/Berlin, America/New_York or UTC.");
    }

    private static CommandParseResult ParseResolve(string rest) =>
        TooLong(rest) ?? CommandParseResult.Ok(new ResolveCommand(rest.Length == 0 ? null : rest));

    private static CommandParseResult ParseHelp(string rest)
    {
        var verb = rest.Trim().ToLowerInvariant();
        return CommandParseResult.Ok(new HelpCommand(verb.Length == 0 ? null : Aliases.GetValueOrDefault(verb, verb)));
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
            : CommandParseResult.Fail($"'{Shorten(rest)}' is not a number of days between 1 and {MaxStatsDays}. Usage: {CommandUsage.Example("stats")}");
    }

    private static CommandParseResult RequireText(string verb, string text, Func<string, IncidentCommand> create)
    {
        if (IsBlank(text))
        {
            return CommandParseResult.Fail($"'{verb}' needs some text. Usage: {CommandUsage.Example(verb)}");
        }

        return TooLong(text) ?? CommandParseResult.Ok(create(text));
    }

    private static CommandParseResult? TooLong(string text) =>
        text.Length > MaxTextLength
            ? CommandParseResult.Fail($"That text is {text.Length} characters long; the limit is {MaxTextLength}. Split it into several notes.")
            : null;

    internal static bool TryParseTime(string value, out TimeOnly time) =>
        TimeOnly.TryParseExact(value.Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    private static bool TryParseSeverity(string token, out Severity severity)
    {
        var digits = token.StartsWith("sev", StringComparison.OrdinalIgnoreCase) ? token[3..] : token;
        if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var level) && level is >= 1 and <= 4)
        {
            severity = (Severity)level;
            return true;
        }

        severity = default;
        return false;
    }

    // A mention is one token even with spaces inside: Slack sends <@U123|Priya Raman>, Teams <at>Priya Raman</at>.
    private static (string First, string Remainder) SplitFirst(string text)
    {
        var trimmed = text.Trim();
        var mention = LeadingMention().Match(trimmed);
        if (mention.Success)
        {
            return (mention.Value, trimmed[mention.Length..].Trim());
        }

        var split = trimmed.IndexOfAny([' ', '\t', '\n', '\r']);
        return split < 0 ? (trimmed, string.Empty) : (trimmed[..split], trimmed[(split + 1)..].Trim());
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

    // Echoed input is cut so that a 10,000-character argument cannot turn an error into a wall of text; never inside a
    // surrogate pair, which would leave half a character in the answer.
    internal static string Shorten(string text) =>
        text.Length <= 40 ? text : string.Concat(text.AsSpan(0, char.IsHighSurrogate(text[39]) ? 39 : 40), "…");

    // Text that shows nothing - zero-width spaces and joiners, a BOM, direction marks, controls - is no title or note.
    private static bool IsBlank(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && !char.IsControl(c) && char.GetUnicodeCategory(c) != UnicodeCategory.Format)
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex(@"^(<@[^>]+>|<at>.*?</at>)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingMention();

    // The owner of a todo is a trailing mention: <@U123|name>, <at>Name</at> or @handle.
    [GeneratedRegex(@"\s(?<owner><@[^>]+>|<at>[^<]*</at>|@\S+)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingOwner();

    [GeneratedRegex(@"^sev\d+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SeverityToken();

    [GeneratedRegex(@"^(?<how>.*?)\s+at\s+(?<time>\d{1,2}:\d{2})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex DetectedAt();

    [GeneratedRegex(@"^(?<n>\d{1,3}(?:\.\d{1,4})?)\s*%?$", RegexOptions.CultureInvariant)]
    private static partial Regex Percentage();
}
