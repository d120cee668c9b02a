using ScribeBot.Core.Channels;

namespace ScribeBot.Core.Commands;

// People: who an escalation goes to, who takes command, who owns a task. How a person is written is the
// platforms' (their IMentionSyntax, read through MentionReader).
public static partial class CommandParser
{
    private static CommandParseResult ParseEscalate(string rest, MentionReader mentions)
    {
        var (who, reason) = SplitFirst(rest, mentions);
        if (who.Length == 0)
        {
            return CommandParseResult.Fail($"Say who you escalated to. Usage: {CommandUsage.Example("escalate")}");
        }

        return TooLong(rest) ?? CommandParseResult.Ok(new EscalateCommand(who, reason.Length == 0 ? null : reason));
    }

    private static CommandParseResult ParseTodo(string rest, MentionReader mentions)
    {
        // The owner is free text too: check the whole argument, as escalate does. The owner is a trailing mention.
        var owner = mentions.Trailing(rest);
        return TooLong(rest) ?? (owner is var (start, token)
            ? RequireText("todo", rest[..start].TrimEnd(), t => new TodoCommand(t, token))
            : RequireText("todo", rest, t => new TodoCommand(t, null)));
    }

    private static CommandParseResult ParseCommander(string rest, MentionReader mentions)
    {
        var (who, _) = SplitFirst(rest, mentions);
        return who.Length == 0
            ? CommandParseResult.Fail($"Say who takes command. Usage: {CommandUsage.Example("commander")}")
            : TooLong(who) ?? CommandParseResult.Ok(new CommanderCommand(who));
    }

    // A mention is one token even with spaces inside (a platform's mention of "Priya Raman").
    private static (string First, string Remainder) SplitFirst(string text, MentionReader mentions)
    {
        var trimmed = text.Trim();
        var mention = mentions.LeadingLength(trimmed);
        if (mention > 0)
        {
            return (trimmed[..mention], trimmed[mention..].Trim());
        }

        var split = trimmed.IndexOfAny([' ', '\t', '\n', '\r']);
        return split < 0 ? (trimmed, string.Empty) : (trimmed[..split], trimmed[(split + 1)..].Trim());
    }
}
