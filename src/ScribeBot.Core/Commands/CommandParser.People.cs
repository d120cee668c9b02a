using System.Text.RegularExpressions;

namespace ScribeBot.Core.Commands;

// People: who an escalation goes to, who takes command, who owns a task.
public static partial class CommandParser
{
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

    private static CommandParseResult ParseCommander(string rest)
    {
        var (who, _) = SplitFirst(rest);
        return who.Length == 0
            ? CommandParseResult.Fail($"Say who takes command. Usage: {CommandUsage.Example("commander")}")
            : TooLong(who) ?? CommandParseResult.Ok(new CommanderCommand(who));
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

    [GeneratedRegex(@"^(<@[^>]+>|<at>.*?</at>)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingMention();

    // The owner of a todo is a trailing mention: <@U123|name>, <at>Name</at> or @handle.
    [GeneratedRegex(@"\s(?<owner><@[^>]+>|<at>[^<]*</at>|@\S+)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingOwner();
}
