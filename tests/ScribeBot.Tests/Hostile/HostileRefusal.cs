namespace ScribeBot.Tests.Hostile;

/// <summary>What every hostile request must get, on any endpoint: a 4xx or a short 200 answer, and nothing stored.</summary>
internal static class HostileRefusal
{
    public static async Task AssertRefusedAsync(string name, Func<Task<HttpResponseMessage>> send, IIncidentStore store, ChannelRef channel)
    {
        HttpResponseMessage response;
        try
        {
            response = await send();
        }
        catch (HttpRequestException exception) when (exception.InnerException is IOException)
        {
            // Kestrel may answer 413 and close the connection while the client is still sending; that is a refusal.
            await AssertNothingStoredAsync(store, channel);
            return;
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            Assert.True(status is >= 400 and < 500 or 200, $"{name}: {status} {body}");
            Assert.True(body.Length < 4000, $"{name}: an answer of {body.Length} characters");
        }

        await AssertNothingStoredAsync(store, channel);
    }

    public static async Task AssertNothingStoredAsync(IIncidentStore store, ChannelRef channel)
    {
        var page = await store.QueryIncidentsAsync(new IncidentQuery(), CancellationToken.None);
        Assert.Equal(0, page.Total);
        Assert.Null(await store.FindLatestIncidentAsync(channel, CancellationToken.None));
    }
}
