namespace ScribeBot.Testing.Teams;

/// <summary>
/// Posts activities to the host's <c>/api/messages</c> the way the Bot Framework channel service does: JSON, and a
/// bearer token when the bot has an app id.
/// </summary>
public static class TeamsRequests
{
    public static async Task<HttpResponseMessage> PostActivityAsync(
        this ScribeBotApplication host, JsonNode activity, string? authorization = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(activity.ToJsonString())),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await host.Client.SendAsync(request);
    }

    /// <summary>Posts and asserts Teams would see success; returns the body (an invoke's answer).</summary>
    public static async Task<string> PostActivityOkAsync(this ScribeBotApplication host, JsonNode activity)
    {
        using var response = await host.PostActivityAsync(activity);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return body;
    }
}
