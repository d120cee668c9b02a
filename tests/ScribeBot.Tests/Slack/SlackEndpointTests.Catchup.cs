namespace ScribeBot.Tests.Slack;

/// <summary><c>/incident catchup</c> and the pointer for whoever joins (issue 17, item 3), end to end over real HTTP.</summary>
public sealed partial class SlackEndpointTests
{
    [Fact]
    public async Task Catchup_is_answered_ephemerally_with_the_events_tagged_since_the_caller_last_spoke()
    {
        await using var host = await HostWithIncidentAsync("start Checkout returns 502 sev2");
        var alert = SlackPayloads.Now(1);
        await Ok(host.PostSlackJsonAsync(Message("Ev0301", alert, "p99 is through the roof")));
        await Ok(host.PostSlackJsonAsync(Message("Ev0302", SlackPayloads.Now(2), "anyone looking?")));
        await Ok(host.PostSlackJsonAsync(SlackPayloads.Event("event_reaction_added.docs.json",
            ("event_id", "Ev0303"), ("event.reaction", "rotating_light"), ("event.item.ts", alert), ("event.event_ts", SlackPayloads.Now(3)))));

        using var response = await host.PostSlackFormAsync(SlackPayloads.Command("catchup", "1.2.catchup"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ephemeral", json.RootElement.GetProperty("response_type").GetString());
        var text = json.RootElement.GetProperty("text").GetString()!;
        Assert.Contains("INC-1: Checkout returns 502", text, StringComparison.Ordinal);
        Assert.Contains("Latest update: none yet", text, StringComparison.Ordinal);
        // The caller (the slash command's user) last spoke with start; the tagged alert came after, the chatter is untagged.
        TextAssert.ContainsAll(
            text,
            "Tagged since you last spoke at",
            "(1 event)",
            "Detection: ",
            "p99 is through the roof",
            "The postmortem still lacks:");
        Assert.DoesNotContain("anyone looking?", text, StringComparison.Ordinal);
        // Each group is a section of its own, like status.
        Assert.True(json.RootElement.GetProperty("blocks").GetArrayLength() >= 4);
    }

    [Fact]
    public async Task Someone_who_joins_a_channel_with_an_open_incident_gets_an_ephemeral_pointer_to_catchup()
    {
        await using var host = await HostWithIncidentAsync("start Checkout returns 502 sev2");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        await Ok(host.PostSlackJsonAsync(SlackPayloads.Event("event_member_joined_channel.docs.json", ("event_id", "Ev0401"))));
        await Ok(host.PostSlackJsonAsync(SlackPayloads.Event("event_member_joined_channel.docs.json", ("event_id", "Ev0401")), retry: 1));

        var pointer = Assert.Single(await host.Slack.WaitForCallsAsync("chat.postEphemeral", 1, timeout.Token)).Json();
        Assert.Equal(SlackPayloads.ChannelId, pointer.GetProperty("channel").GetString());
        Assert.Equal("W123ABC456", pointer.GetProperty("user").GetString());
        Assert.Equal("*INC-1 is open here:* Checkout returns 502, SEV2, just declared. `/incident catchup` for what you missed.",
            pointer.GetProperty("text").GetString());
        // The join is not something said in the channel.
        Assert.DoesNotContain(await host.TimelineAsync(SlackPayloads.Channel), e => e.Author.Id == "W123ABC456");
    }
}
