using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ScribeBot.Core.Storage;

namespace ScribeBot.Tests.Slack;

/// <summary>What Slack and the caller see when the core fails.</summary>
public sealed class SlackEndpointFailureTests
{
    [Fact]
    public async Task A_failing_slash_command_answers_the_caller_with_a_correlation_id()
    {
        await using var host = await SlackHost.StartAsync(services: s => s.AddSingleton(BrokenStore.Create()));

        using var response = await host.PostFormAsync(SlackHost.Command("start Checkout returns 502", "1.2.broken"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ephemeral", json.RootElement.GetProperty("response_type").GetString());
        Assert.StartsWith("Something went wrong (correlation id ", json.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_event_gets_500_so_that_Slack_delivers_it_again()
    {
        await using var host = await SlackHost.StartAsync(services: s => s.AddSingleton(BrokenStore.Create()));

        using var response = await host.PostJsonAsync(SlackHost.Event("event_message_channel.docs.json",
            ("event_id", "Ev0900"), ("event.ts", SlackHost.Now())));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }
}
