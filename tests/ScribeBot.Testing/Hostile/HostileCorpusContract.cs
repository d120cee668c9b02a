namespace ScribeBot.Testing.Hostile;

/// <summary>
/// What every hostile request to a chat endpoint must get on the real host: a 4xx or a short 200 answer, and nothing
/// stored; and a control, a valid start sent the same way, that is stored, so "nothing stored" means something. Each
/// platform's corpus derives one class from this, says how to start its host and send a case or the control, and lists
/// its cases' names as the static member <c>Names</c> (xunit finds it on the derived class).
/// </summary>
public abstract class HostileCorpusContract
{
    /// <summary>The channel the cases and the control are sent to.</summary>
    protected abstract ChannelRef Channel { get; }

    protected abstract Task<ScribeBotApplication> StartHostAsync();

    /// <summary>Sends the case called <paramref name="name"/>.</summary>
    protected abstract Task<HttpResponseMessage> SendCaseAsync(ScribeBotApplication host, string name);

    /// <summary>Sends a valid start the way the cases are sent.</summary>
    protected abstract Task<HttpResponseMessage> SendValidStartAsync(ScribeBotApplication host);

    [Theory]
    [MemberData("Names")]
    public async Task Hostile_request_gets_a_4xx_or_a_clear_answer_and_stores_nothing(string name)
    {
        await using var host = await StartHostAsync();

        HttpResponseMessage response;
        try
        {
            response = await SendCaseAsync(host, name);
        }
        catch (HttpRequestException exception) when (exception.InnerException is IOException)
        {
            // Kestrel may answer 413 and close the connection while the client is still sending; that is a refusal.
            await AssertNothingStoredAsync(host.Store);
            return;
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            Assert.True(status is >= 400 and < 500 or 200, $"{name}: {status} {body}");
            Assert.True(body.Length < 4000, $"{name}: an answer of {body.Length} characters");
        }

        await AssertNothingStoredAsync(host.Store);
    }

    [Fact]
    public async Task Control_a_valid_start_sent_the_same_way_is_stored()
    {
        await using var host = await StartHostAsync();

        using var response = await SendValidStartAsync(host);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(1, (await host.Store.QueryIncidentsAsync(new IncidentQuery(), CancellationToken.None)).Total);
    }

    private async Task AssertNothingStoredAsync(IIncidentStore store)
    {
        var page = await store.QueryIncidentsAsync(new IncidentQuery(), CancellationToken.None);
        Assert.Equal(0, page.Total);
        Assert.Null(await store.FindLatestIncidentAsync(Channel, CancellationToken.None));
    }
}
