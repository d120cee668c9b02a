namespace ScribeBot.Core.Tests.Channels;

/// <summary>The forms a person is named in command text, as the adapters, replay and the dashboard hand them over.</summary>
public sealed class PersonMentionTests
{
    [Theory]
    [InlineData("<@U123|Priya Raman>", "U123", "Priya Raman")]
    [InlineData("<@U123>", "U123", "U123")]
    [InlineData("<at>Priya Raman</at>", "Priya Raman", "Priya Raman")]
    [InlineData("<AT> Priya </AT>", "Priya", "Priya")]
    [InlineData("@priya", "priya", "priya")]
    [InlineData("  priya ", "priya", "priya")]
    public void Each_form_names_a_person_without_its_syntax(string token, string id, string name) =>
        Assert.Equal(new Person(id, name), PersonMention.Parse(token));

    [Theory]
    [InlineData("<@U1|Bo Chen> db on fire", 13)]
    [InlineData("<at>Bo Chen</at> needs a DBA", 16)]
    [InlineData("@bo needs a DBA", 0)]
    [InlineData("bo <@U1|x>", 0)]
    public void A_leading_mention_is_one_token_even_with_spaces(string text, int length) =>
        Assert.Equal(length, PersonMention.LeadingLength(text));

    [Theory]
    [InlineData("add runbook <@U42|Carol Diaz>", 11, "<@U42|Carol Diaz>")]
    [InlineData("add runbook <at>Carol Diaz</at>  ", 11, "<at>Carol Diaz</at>")]
    [InlineData("add runbook @carol", 11, "@carol")]
    public void A_trailing_mention_is_found_after_white_space(string text, int start, string token) =>
        Assert.Equal((start, token), PersonMention.Trailing(text));

    [Theory]
    [InlineData("mail me@example.com")]
    [InlineData("add runbook")]
    [InlineData("@carol")]
    public void Text_that_does_not_end_in_a_mention_after_white_space_has_no_trailing_mention(string text) =>
        Assert.Null(PersonMention.Trailing(text));
}
