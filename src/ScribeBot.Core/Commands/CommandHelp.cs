using ScribeBot.Core.Channels;
using ScribeBot.Core.Text;

namespace ScribeBot.Core.Commands;

/// <summary>
/// The <c>help</c> answer, built from <see cref="CommandUsage"/> in the groups of <see cref="CommandGroups"/>: a
/// lead line, then per group its title and one command per line. The structure is in the text
/// (<see cref="ChatTextLayout"/>), so each platform lays it out natively.
/// </summary>
public static class CommandHelp
{
    /// <summary>All of help, or one verb's line; <paramref name="platform"/> words how to tag there (<see cref="TagHint"/>).</summary>
    public static CommandOutcome Answer(string? verb, ChatPlatform platform = ChatPlatform.Slack)
    {
        if (verb is null)
        {
            var text = new ChatTextBuilder()
                .Strong("ScribeBot records this channel during an incident and drafts the postmortem.")
                .Plain(" /incident help <verb> shows one command.");
            foreach (var (title, verbs) in CommandGroups.For(platform))
            {
                text.EndGroup().Strong(title);
                foreach (var name in verbs)
                {
                    text.EndLine();
                    Line(text, CommandUsage.Verbs.First(v => v.Verb == name));
                }
            }

            return CommandOutcome.Done(null, text.Build());
        }

        var known = CommandUsage.Verbs.FirstOrDefault(v => v.Verb == verb);
        return known.Verb is null
            ? CommandOutcome.Rejected($"There is no command '{TextShortener.Shorten(verb)}'. /incident help lists them all.")
            : CommandOutcome.Done(null, Line(new ChatTextBuilder(), known).Build());
    }

    private static ChatTextBuilder Line(ChatTextBuilder text, (string Verb, string Usage, string Meaning) command) =>
        text.Code($"/incident {command.Usage}").Plain($" - {command.Meaning}");
}
