using ScribeBot.Core.Commands;

namespace ScribeBot.Slack.Tests.Mentions;

/// <summary>
/// Slack's form of a person in command text (<c>&lt;@U123|name&gt;</c>, <c>&lt;@U123&gt;</c>), read through the core's
/// <see cref="MentionReader"/> as the host wires it. Moved here from the core's PersonMentionTests and
/// CommandParserTests (same cases, same expected values) when the form moved out of the core.
/// </summary>
public sealed class SlackMentionSyntaxTests
{
    private static readonly MentionReader Mentions = new([new SlackMentionSyntax()]);

    [Theory]
    [InlineData("<@U123|Priya Raman>", "U123", "Priya Raman")]
    [InlineData("<@U123>", "U123", "U123")]
    public void Each_form_names_a_person_without_its_syntax(string token, string id, string name) =>
        Assert.Equal(new Person(id, name), Mentions.Parse(token));

    [Theory]
    [InlineData("<@U1|Bo Chen> db on fire", 13)]
    [InlineData("bo <@U1|x>", 0)]
    public void A_leading_mention_is_one_token_even_with_spaces(string text, int length) =>
        Assert.Equal(length, Mentions.LeadingLength(text));

    [Theory]
    [InlineData("add runbook <@U42|Carol Diaz>", 11, "<@U42|Carol Diaz>")]
    public void A_trailing_mention_is_found_after_white_space(string text, int start, string token) =>
        Assert.Equal((start, token), Mentions.Trailing(text));

    public static TheoryData<string, IncidentCommand> ValidCommands => new()
    {
        { "escalate <@U123|bob> db is on fire", new EscalateCommand("<@U123|bob>", "db is on fire") },
        { "task add runbook <@U42|carol>", new TodoCommand("add runbook", "<@U42|carol>") },
        { "commander <@U9|carol>", new CommanderCommand("<@U9|carol>") },
    };

    [Theory]
    [MemberData(nameof(ValidCommands))]
    public void Valid_text_parses_to_its_command(string text, IncidentCommand expected)
    {
        var result = CommandParser.Parse(text, Mentions);

        Assert.Null(result.Error);
        Assert.Equal(expected, result.Command);
    }
}
