using static ScribeBot.Tests.Teams.TeamsThread;

namespace ScribeBot.Tests.Teams;

/// <summary><c>catchup</c> and the pointer for whoever is added (issue 17, item 3), through the real host and a fake Bot Connector.</summary>
public sealed class TeamsCatchupTests
{
    [Fact]
    public async Task Catchup_is_answered_in_the_thread_with_what_was_tagged_since_the_caller_last_spoke()
    {
        await using var host = await new ScribeBotApplication().WithTeams().StartKestrelAsync();
        var url = host.ServiceUrl;
        var at = TeamsPayloads.Start;
        await host.PostActivityOkAsync(TeamsPayloads.ChannelMessage(url, StartId, "incident start Checkout returns 502 sev2", at, Alice, mentionBot: true));
        await host.Connector.WaitForSentAsync(1);
        await host.PostActivityOkAsync(AsBo(TeamsPayloads.ChannelMessage(url, "1772460060000", "looking at the gateway", at.AddMinutes(1), Bo, StartId)));
        await host.PostActivityOkAsync(TeamsPayloads.ChannelMessage(url, "1772460120000", "5xx alert firing on checkout-api", at.AddMinutes(2), Alice, StartId));
        await host.PostActivityOkAsync(TeamsPayloads.Reaction(url, "1772460120000", "surprised", Alice.Id, root: StartId));
        await host.PostActivityOkAsync(TeamsPayloads.ChannelMessage(url, "1772460180000", "lunch?", at.AddMinutes(3), Alice, StartId));

        await host.PostActivityOkAsync(AsBo(TeamsPayloads.ChannelMessage(url, "1772460300000", "catchup", at.AddMinutes(5), Bo, StartId, mentionBot: true)));

        var reply = (await host.Connector.WaitForSentAsync(2))[1];
        Assert.Equal($"{TeamsPayloads.ChannelId};messageid={StartId}", reply.ConversationId);
        TextAssert.ContainsAll(
            reply.Text,
            "INC-1: Checkout returns 502",
            "Tagged since you last spoke at 14:01 (1 event):",
            "14:02 - Detection: ",
            "5xx alert firing on checkout-api",
            "The postmortem still lacks:");
        Assert.DoesNotContain("lunch?", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_added_to_a_channel_with_an_open_incident_gets_a_pointer_in_the_channel_and_the_bot_itself_none()
    {
        await using var host = await new ScribeBotApplication().WithTeams().StartKestrelAsync();
        var url = host.ServiceUrl;
        await host.PostActivityOkAsync(TeamsPayloads.ChannelMessage(url, StartId, "incident start Checkout returns 502 sev2", TeamsPayloads.Start, Alice, mentionBot: true));
        await host.Connector.WaitForSentAsync(1);

        await host.PostActivityOkAsync(TeamsPayloads.MembersAdded(url, "f:join-bot", TeamsPayloads.BotId));
        await host.PostActivityOkAsync(TeamsPayloads.MembersAdded(url, "f:join-1", "29:dana", "29:sam"));
        await host.PostActivityOkAsync(TeamsPayloads.MembersAdded(url, "f:join-1", "29:dana", "29:sam"));

        var sent = await host.Connector.WaitForSentAsync(2);
        var pointer = sent[1];
        Assert.Contains("INC-1 is open here:", pointer.Text, StringComparison.Ordinal);
        Assert.Contains("Checkout returns 502, SEV2,", pointer.Text, StringComparison.Ordinal);
        Assert.Contains("for what you missed.", pointer.Text, StringComparison.Ordinal);
        // The redelivered update and the bot's own arrival post nothing more.
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.Equal(2, host.Connector.Sent.Count);
    }

    // Teams names a person by their AAD object id, the same on every message; the payload builder makes a new one each time.
    private static JsonObject AsBo(JsonObject activity)
    {
        activity["from"]!["aadObjectId"] = "b0b0b0b0-0000-4000-8000-000000000b0b";
        return activity;
    }
}
