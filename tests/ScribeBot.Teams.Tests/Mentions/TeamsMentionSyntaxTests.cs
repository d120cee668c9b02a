using ScribeBot.Core.Commands;
using ScribeBot.Teams.Inbound;
using ScribeBot.Testing.Channels;

namespace ScribeBot.Teams.Tests.Mentions;

/// <summary>
/// Teams' form of a person in command text (<c>&lt;at&gt;Name&lt;/at&gt;</c>). Moved here from the core's
/// PersonMentionTests and CommandParserTests (same cases, same expected values) when the form moved out of the core.
/// </summary>
public sealed class TeamsMentionSyntaxTests : MentionSyntaxContract
{
    protected override MentionReader Mentions { get; } = new([new TeamsMentionSyntax()]);

    public static TheoryData<string, string, string> Names => new()
    {
        { "<at>Priya Raman</at>", "Priya Raman", "Priya Raman" },
        { "<AT> Priya </AT>", "Priya", "Priya" },
    };

    public static TheoryData<string, int> LeadingMentions => new()
    {
        { "<at>Bo Chen</at> needs a DBA", 16 },
    };

    public static TheoryData<string, int, string> TrailingMentions => new()
    {
        { "add runbook <at>Carol Diaz</at>  ", 11, "<at>Carol Diaz</at>" },
    };

    public static TheoryData<string, IncidentCommand> ValidCommands => new()
    {
        { "escalate <at>Bo Chen</at> needs a DBA", new EscalateCommand("<at>Bo Chen</at>", "needs a DBA") },
    };
}
