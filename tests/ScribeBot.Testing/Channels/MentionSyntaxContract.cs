namespace ScribeBot.Testing.Channels;

/// <summary>
/// What the command parser asks of a way to name a person in command text (an <see cref="IMentionSyntax"/>, read
/// through the core's <see cref="MentionReader"/> as the host wires it): the whole token names a person without its
/// syntax, a leading mention is one token even with spaces, a trailing one is found after white space, and commands
/// that name a person keep the mention as written. Each form's test class derives one class from this, supplies the
/// reader, and lists its own cases as the static members <c>Names</c>, <c>LeadingMentions</c>,
/// <c>TrailingMentions</c> and <c>ValidCommands</c> (xunit finds them on the derived class).
/// </summary>
public abstract class MentionSyntaxContract
{
    protected abstract MentionReader Mentions { get; }

    [Theory]
    [MemberData("Names")]
    public void Each_form_names_a_person_without_its_syntax(string token, string id, string name) =>
        Assert.Equal(new Person(id, name), Mentions.Parse(token));

    [Theory]
    [MemberData("LeadingMentions")]
    public void A_leading_mention_is_one_token_even_with_spaces(string text, int length) =>
        Assert.Equal(length, Mentions.LeadingLength(text));

    [Theory]
    [MemberData("TrailingMentions")]
    public void A_trailing_mention_is_found_after_white_space(string text, int start, string token) =>
        Assert.Equal((start, token), Mentions.Trailing(text));

    [Theory]
    [MemberData("ValidCommands")]
    public void Valid_text_parses_to_its_command(string text, IncidentCommand expected)
    {
        var result = CommandParser.Parse(text, Mentions);

        Assert.Null(result.Error);
        Assert.Equal(expected, result.Command);
    }
}
