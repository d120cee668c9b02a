using ScribeBot.Core.Commands;
using ScribeBot.Testing.Channels;

namespace ScribeBot.Slack.Tests.Mentions;

/// <summary>
/// Slack's form of a person in command text (<c>&lt;@U123|name&gt;</c>, <c>&lt;@U123&gt;</c>). Moved here from the
/// core's PersonMentionTests and CommandParserTests (same cases, same expected values) when the form moved out of the core.
/// </summary>
public sealed class SlackMentionSyntaxTests : MentionSyntaxContract
{
    protected override MentionReader Mentions { get; } = new([new SlackMentionSyntax()]);

    public static TheoryData<string, string, string> Names => new()
    {
        { "<@U123|Priya Raman>", "U123", "Priya Raman" },
        { "<@U123>", "U123", "U123" },
    };

    public static TheoryData<string, int> LeadingMentions => new()
    {
        { "<@U1|Bo Chen> db on fire", 13 },
        { "bo <@U1|x>", 0 },
    };

    public static TheoryData<string, int, string> TrailingMentions => new()
    {
        { "add runbook <@U42|Carol Diaz>", 11, "<@U42|Carol Diaz>" },
    };

    public static TheoryData<string, IncidentCommand> ValidCommands => new()
    {
        { "escalate <@U123|bob> db is on fire", new EscalateCommand("<@U123|bob>", "db is on fire") },
        { "task add runbook <@U42|carol>", new TodoCommand("add runbook", "<@U42|carol>") },
        { "commander <@U9|carol>", new CommanderCommand("<@U9|carol>") },
    };
}
