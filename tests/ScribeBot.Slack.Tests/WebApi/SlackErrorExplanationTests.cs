namespace ScribeBot.Slack.Tests.WebApi;

public sealed class SlackErrorExplanationTests
{
    [Theory]
    [InlineData("not_in_channel", "/invite")]
    [InlineData("channel_not_found", "/invite")]
    [InlineData("missing_scope", "reinstall")]
    public void Codes_a_user_can_act_on_get_a_sentence(string code, string expected) =>
        Assert.Contains(expected, SlackErrorExplanation.ForUser(code), StringComparison.Ordinal);

    [Fact]
    public void Missing_scope_names_the_scope_when_slack_said_it() =>
        Assert.Contains("`chat:write`", SlackErrorExplanation.ForUser("missing_scope", "chat:write"), StringComparison.Ordinal);

    [Theory]
    [InlineData("invalid_auth")]
    [InlineData("ratelimited")]
    [InlineData("too_many_attachments")]
    [InlineData(null)]
    public void Other_codes_are_for_the_logs_only(string? code) => Assert.Null(SlackErrorExplanation.ForUser(code));

    [Fact]
    public void A_successful_result_needs_no_explanation() =>
        Assert.Null(SlackErrorExplanation.ForUser(SlackApiResult.Ok("1.2")));
}
