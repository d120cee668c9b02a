namespace ScribeBot.Tests.Teams;

/// <summary>A Teams channel whose incident has far more tagged messages than one Teams message holds.</summary>
internal static class TeamsBusyChannel
{
    /// <summary>
    /// Posts <paramref name="count"/> messages of 150 characters ("observation 001 xxx...") in the thread of
    /// <paramref name="rootId"/>, one a second after <see cref="TeamsPayloads.Start"/>, each tagged with a "like".
    /// </summary>
    public static async Task PostTaggedObservationsAsync(
        ScribeBotApplication host, string rootId, (string Id, string Name) author, int count = 150)
    {
        for (var i = 1; i <= count; i++)
        {
            var id = (1_772_460_000_000L + (i * 1000)).ToString(CultureInfo.InvariantCulture);
            await host.PostActivityOkAsync(TeamsPayloads.ChannelMessage(
                host.ServiceUrl, id, $"observation {i:D3} " + new string('x', 135), TeamsPayloads.Start.AddSeconds(i), author, rootId));
            await host.PostActivityOkAsync(TeamsPayloads.Reaction(host.ServiceUrl, id, "like", "29:bo", root: rootId));
        }
    }

    /// <summary>
    /// Lets the resolve's announcement and the draft's first message through, fails the next one once with a 503, runs
    /// <paramref name="resolveThenAskForTheTimeline"/>, and waits for the timeline's answer. Returns what the connector
    /// accepted by then and the draft: the messages between the resolve's announcement and the timeline.
    /// </summary>
    public static async Task<(IReadOnlyList<SentActivity> Sent, SentActivity[] Draft)> FailTheDraftsSecondMessageOnceAsync(
        ScribeBotApplication host, Func<Task> resolveThenAskForTheTimeline)
    {
        var before = (await host.Connector.WaitForSentAsync(1)).Count;
        host.Connector.FailOnceAfter(before + 2, HttpStatusCode.ServiceUnavailable);
        await resolveThenAskForTheTimeline();

        var sent = await host.Connector.WaitForTextAsync("timeline so far");
        return (sent, [.. sent.Skip(before + 1).TakeWhile(s => !s.Text.Contains("timeline so far", StringComparison.Ordinal))]);
    }
}
