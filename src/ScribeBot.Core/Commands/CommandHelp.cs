using ScribeBot.Core.Text;

namespace ScribeBot.Core.Commands;

/// <summary>The <c>help</c> answer, built from <see cref="CommandUsage"/>.</summary>
internal static class CommandHelp
{
    public static CommandOutcome Answer(string? verb)
    {
        if (verb is null)
        {
            var text = new ChatTextBuilder().Strong("ScribeBot records this channel during an incident and drafts the postmortem.");
            foreach (var (_, usage, meaning) in CommandUsage.Verbs)
            {
                text.Plain("\n").Code($"/incident {usage}").Plain($" - {meaning}");
            }

            return CommandOutcome.Done(null, text.Build());
        }

        var known = CommandUsage.Verbs.FirstOrDefault(v => v.Verb == verb);
        return known.Verb is null
            ? CommandOutcome.Rejected($"There is no command '{TextShortener.Shorten(verb)}'. /incident help lists them all.")
            : CommandOutcome.Done(null, new ChatTextBuilder().Code($"/incident {known.Usage}").Plain($" - {known.Meaning}").Build());
    }
}
