using System.Globalization;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Text;

namespace ScribeBot.Core.Commands;

/// <summary>
/// Parses the text after <c>/incident</c> into a command, the same way for every platform. Pure: no I/O, no
/// clock. Every failure names what is wrong and shows the usage.
/// <para>
/// This file holds the verb table and free text; the other parts of the grammar are in CommandParser.Values.cs
/// (severity, share of users, time zone, days), CommandParser.Times.cs (<c>HH:MM</c>) and CommandParser.People.cs
/// (mentions and owners).
/// </para>
/// </summary>
public static partial class CommandParser
{
    /// <summary>Longest free-text argument; longer ones are refused rather than truncated silently.</summary>
    public const int MaxTextLength = IncidentLimits.MaxTextLength;

    public const int MaxTitleLength = IncidentLimits.MaxTitleLength;

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
        ["catch-up"] = "catchup",
        ["recover"] = "recovered",
        ["follow-ups"] = "followups",
        ["issues"] = "followups",
    };

    /// <param name="text">What follows the command name.</param>
    /// <param name="mentions">How people are named (see <see cref="MentionReader"/>); null reads only a typed
    /// <c>@name</c>, which is enough where no person matters (the verb alone).</param>
    public static CommandParseResult Parse(string text, MentionReader? mentions = null)
    {
        mentions ??= MentionReader.Typed;
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
            "recovered" => ParseRecovered(rest),
            "update" => RequireText(verb, rest, t => new UpdateCommand(t)),
            "impact" => RequireText(verb, rest, t => new ImpactCommand(t)),
            "users" => ParseUsers(rest),
            "escalate" => ParseEscalate(rest, mentions),
            "misleading" => RequireText(verb, rest, t => new EventCommand(EventKind.Misleading, t)),
            "action" => RequireText(verb, rest, t => new EventCommand(EventKind.Action, t)),
            "note" => RequireText(verb, rest, t => new EventCommand(EventKind.Note, t)),
            "rootcause" => RequireText(verb, rest, t => new RootCauseCommand(t)),
            "resolution" => RequireText(verb, rest, t => new ResolutionCommand(t)),
            "improve" => RequireText(verb, rest, t => new ImproveCommand(t)),
            "todo" => ParseTodo(rest, mentions),
            "severity" => ParseSeverity(rest),
            "commander" => ParseCommander(rest, mentions),
            "tz" => ParseTimeZone(rest),
            "status" => CommandParseResult.Ok(new StatusCommand()),
            "catchup" => CommandParseResult.Ok(new CatchupCommand()),
            "timeline" => CommandParseResult.Ok(new TimelineCommand()),
            "resolve" => ParseResolve(rest),
            "postmortem" => CommandParseResult.Ok(new PostmortemCommand()),
            "reopen" => CommandParseResult.Ok(new ReopenCommand()),
            "help" => ParseHelp(rest),
            "stats" => ParseStats(rest),
            "followups" => CommandParseResult.Ok(new FollowupsCommand()),
            _ => CommandParseResult.Fail(
                $"I don't know the command '{TextShortener.Shorten(verb)}'. Try /incident help for the list of commands."),
        };
    }

    private static CommandParseResult ParseResolve(string rest) =>
        TooLong(rest) ?? CommandParseResult.Ok(new ResolveCommand(rest.Length == 0 ? null : rest));

    private static CommandParseResult ParseHelp(string rest)
    {
        var verb = rest.Trim().ToLowerInvariant();
        return CommandParseResult.Ok(new HelpCommand(verb.Length == 0 ? null : Aliases.GetValueOrDefault(verb, verb)));
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
}
