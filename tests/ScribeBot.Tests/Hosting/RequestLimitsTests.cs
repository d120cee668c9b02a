using ScribeBot.Tests.Web.Sandbox;

namespace ScribeBot.Tests.Hosting;

/// <summary>Every route has a body limit, on the real Kestrel socket, whatever the route does with its body.</summary>
public sealed class RequestLimitsTests : IAsyncLifetime
{
    private ScribeBotApplication _host = null!;

    public async Task InitializeAsync() => _host = await new ScribeBotApplication().StartKestrelAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_dashboard_form_over_the_limit_is_refused_and_changes_nothing(bool chunked)
    {
        using var alice = new SandboxSession(_host);
        await alice.UseNameAsync("Alice Ng");
        var body = Encoding.ASCII.GetBytes("text=/incident%20start%20" + new string('x', RequestLimits.MaxBodyBytes));

        var status = await PostAsync("/sandbox/message", body, chunked);

        Assert.True(status is null or HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"answered {status}");
        Assert.Empty(alice.Feed.Read(SandboxSession.Channel, viewer: null).Items);
    }

    [Fact]
    public async Task A_form_under_the_limit_is_read()
    {
        using var alice = new SandboxSession(_host);
        await alice.UseNameAsync("Alice Ng");

        // Far over what a message may carry, so the sandbox refuses it by its own rule, not the limit: the body was read.
        using var response = await alice.PostAsync("message", ("text", new string('x', RequestLimits.MaxBodyBytes / 2)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains($"this one has {RequestLimits.MaxBodyBytes / 2:N0}", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>
    /// The status, or null when the server answered and closed before the client had sent the whole body (a broken
    /// pipe on the client's side): both are a refusal; which one the client sees is a race it cannot control.
    /// Kestrel stops reading at the limit; the antiforgery check, the first to read a form, reports that as 400.
    /// </summary>
    private async Task<HttpStatusCode?> PostAsync(string path, byte[] body, bool chunked)
    {
        using var client = _host.CreateBrowserClient();
        using var content = new StreamContent(new MemoryStream(body));
        content.Headers.ContentType = new("application/x-www-form-urlencoded");
        if (!chunked)
        {
            content.Headers.ContentLength = body.Length;
        }

        try
        {
            using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);
            return response.StatusCode;
        }
        catch (HttpRequestException exception) when (exception.InnerException is IOException)
        {
            return null;
        }
    }
}
