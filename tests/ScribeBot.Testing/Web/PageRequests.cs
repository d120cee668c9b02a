namespace ScribeBot.Testing.Web;

/// <summary>Reads the host's web pages as a browser does.</summary>
public static class PageRequests
{
    public static async Task<(HttpStatusCode Status, string Body)> GetPageAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path.TrimStart('/'), UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The page's body, asserting 200.</summary>
    public static async Task<string> PageAsync(this HttpClient client, string path)
    {
        var (status, body) = await client.GetPageAsync(path);
        Assert.True(status == HttpStatusCode.OK, $"GET {path}: {(int)status}\n{body}");
        return body;
    }

    /// <summary>A page of the host on Kestrel, with its status.</summary>
    public static Task<(HttpStatusCode Status, string Body)> GetPageAsync(this ScribeBotApplication host, string path) => host.Client.GetPageAsync(path);

    /// <summary>A page of the host on Kestrel, asserting 200.</summary>
    public static Task<string> PageAsync(this ScribeBotApplication host, string path) => host.Client.PageAsync(path);

    /// <summary>Submits a form as a browser does (url-encoded).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(action, UriKind.Relative), content);
    }
}
