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
}
