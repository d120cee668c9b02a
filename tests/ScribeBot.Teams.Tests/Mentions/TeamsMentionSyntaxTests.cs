using ScribeBot.Core.Commands;
using ScribeBot.Teams.Inbound;

namespace ScribeBot.Teams.Tests.Mentions;

/// <summary>
/// Teams' form of a person in command text (<c>&lt;at&gt;Name&lt;/at&gt;</c>), read through the core's
/// <see cref="MentionReader"/> as the host wires it. Moved here from the core's PersonMentionTests and
/// CommandParserTests (same cases, same expected values) when the form moved out of the core.
/// </summary>
public sealed class TeamsMentionSyntaxTests
{
    private static readonly MentionReader Mentions = new([new TeamsMentionSyntax()]);

    [Theory]
    [InlineData("<at>Priya Raman</at>", "Priya Raman", "Priya Raman")]
    [InlineData("<AT> Priya </AT>", "Priya", "Priya")]
    public void Each_form_names_a_person_without_its_syntax(string token, string id, string name) =>
        Assert.Equal(new Person(id, name), Mentions.Parse(token));

    [Theory]
    [InlineData("<at>Bo Chen</at> needs a DBA", 16)]
    public void A_leading_mention_is_one_token_even_with_spaces(string text, int length) =>
        Assert.Equal(length, Mentions.LeadingLength(text));

    [Theory]
    [InlineData("add runbook <at>Carol Diaz</at>  ", 11, "<at>Carol Diaz</at>")]
    public void A_trailing_mention_is_found_after_white_space(string text, int start, string token) =>
        Assert.Equal((start, token), Mentions.Trailing(text));

    public static TheoryData<string, IncidentCommand> ValidCommands => new()
    {
        { "escalate <at>Bo Chen</at> needs a DBA", new EscalateCommand("<at>Bo Chen</at>", "needs a DBA") },
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
