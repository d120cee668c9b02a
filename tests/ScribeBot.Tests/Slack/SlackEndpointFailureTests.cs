namespace ScribeBot.Tests.Slack;

/// <summary>What Slack and the caller see when the core fails.</summary>
public sealed class SlackEndpointFailureTests
{
    [Fact]
    public async Task A_failing_slash_command_answers_the_caller_with_a_correlation_id()
    {
        await using var host = await new ScribeBotApplication().WithSlack().WithServices(s => s.AddSingleton(BrokenStore.Create())).StartKestrelAsync();

        using var response = await host.PostSlackFormAsync(SlackPayloads.Command("start Checkout returns 502", "1.2.broken"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ephemeral", json.RootElement.GetProperty("response_type").GetString());
        Assert.StartsWith("Something went wrong (correlation id ", json.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_event_gets_500_so_that_Slack_delivers_it_again()
    {
        await using var host = await new ScribeBotApplication().WithSlack().WithServices(s => s.AddSingleton(BrokenStore.Create())).StartKestrelAsync();

        using var response = await host.PostSlackJsonAsync(SlackPayloads.Event("event_message_channel.docs.json",
            ("event_id", "Ev0900"), ("event.ts", SlackPayloads.Now())));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }
}
