namespace ScribeBot.Tests.Slack;

/// <summary><c>/incident recovered</c> (issue 17, item 5), end to end over real HTTP: the end of impact reaches the draft's file.</summary>
public sealed partial class SlackEndpointTests
{
    [Fact]
    public async Task Recovered_is_answered_to_the_caller_stored_and_the_posted_markdown_measures_the_outage_to_it()
    {
        await using var host = await HostWithIncidentAsync("start Checkout returns 502 sev2");

        using var response = await host.PostSlackFormAsync(SlackPayloads.Command("recovered", "1.2.recovered"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using (var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()))
        {
            Assert.Equal("ephemeral", json.RootElement.GetProperty("response_type").GetString());
            Assert.StartsWith("Recorded that impact ended at ", json.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
        }

        var incident = await host.Store.FindLatestIncidentAsync(SlackPayloads.Channel, CancellationToken.None);
        Assert.NotNull(incident?.Recovered);
        Assert.False(incident.RecoveredByPage);

        await ResolveAndReadDraftMarkdownAsync(host, "resolve rolled back");

        var markdown = Assert.Single(host.Slack.CallsTo("upload").Select(c => Encoding.UTF8.GetString(c.Body)),
            body => body.Contains("## Timeline", StringComparison.Ordinal));
        Assert.Contains("Measured from the declaration to when impact ended;", markdown, StringComparison.Ordinal);
        Assert.Matches(@"- \d\d:\d\d(:\d\d)? - \*\*Recovered\*\* - [^\n]*: impact ended", markdown);

        // A second recovered on the resolved incident is refused, to the caller only, and changes nothing.
        using var refused = await host.PostSlackFormAsync(SlackPayloads.Command("recovered", "1.2.recovered-again"));
        using var refusal = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("ephemeral", refusal.RootElement.GetProperty("response_type").GetString());
        Assert.Contains("is already resolved", refusal.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
        var after = await host.Store.FindLatestIncidentAsync(SlackPayloads.Channel, CancellationToken.None);
        Assert.Equal(incident.Recovered, after?.Recovered);
    }
}
