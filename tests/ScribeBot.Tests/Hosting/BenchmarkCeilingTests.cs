namespace ScribeBot.Tests.Hosting;

/// <summary>The ingest benchmark's bare endpoint exists only when asked for.</summary>
public sealed class BenchmarkCeilingTests
{
    [Theory]
    [InlineData(null, HttpStatusCode.NotFound)]
    [InlineData("false", HttpStatusCode.NotFound)]
    [InlineData("true", HttpStatusCode.OK)]
    public async Task The_ceiling_endpoint_answers_only_when_the_setting_turns_it_on(string? setting, HttpStatusCode expected)
    {
        await using var factory = new ScribeBotApplication().WithSetting("Diagnostics:CeilingEndpoint", setting);
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(new Uri("/bench/ceiling", UriKind.Relative), new StringContent("{}"));

        Assert.Equal(expected, response.StatusCode);
    }
}
