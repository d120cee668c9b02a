namespace ScribeBot.Testing.Web;

/// <summary>
/// A browser on the host: it keeps cookies but does not follow redirects, so a test walks a sign-in chain hop by hop,
/// or all of it with <see cref="FollowAsync"/>. Its client goes with the host.
/// </summary>
public sealed class BrowserSession
{
    public BrowserSession(ScribeBotApplication host)
    {
        BaseAddress = host.BaseAddress;
        Client = host.CreateBrowserClient(Cookies);
    }

    public Uri BaseAddress { get; }

    public CookieContainer Cookies { get; } = new();

    public HttpClient Client { get; }

    /// <summary>The session cookie, if the host has set one.</summary>
    public Cookie? SessionCookie =>
        Cookies.GetCookies(BaseAddress).FirstOrDefault(cookie => cookie.Name.StartsWith(".ScribeBot.Dashboard", StringComparison.Ordinal));

    public Task<HttpResponseMessage> GetAsync(string pathOrUrl) => Client.GetAsync(new Uri(pathOrUrl, UriKind.RelativeOrAbsolute));

    /// <summary>
    /// GETs <paramref name="path"/> as a hand-made request would arrive: under the Host header <paramref name="host"/>
    /// (when given) and with <paramref name="headers"/>, as a DNS-rebinding page or a relay would send it.
    /// </summary>
    public async Task<HttpResponseMessage> GetWithHeadersAsync(string path, string? host = null, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (host is not null)
        {
            request.Headers.Host = host;
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await Client.SendAsync(request);
    }

    /// <summary>
    /// GETs <paramref name="path"/> and follows redirects by hand, as a browser would, until an answer that is not one.
    /// Returns that answer and every URL visited (the first included).
    /// </summary>
    public async Task<(HttpResponseMessage Response, IReadOnlyList<Uri> Visited)> FollowAsync(string path, int maxHops = 8)
    {
        var visited = new List<Uri>();
        var url = new Uri(BaseAddress, path);
        for (var hop = 0; hop <= maxHops; hop++)
        {
            visited.Add(url);
            var response = await Client.GetAsync(url);
            if ((int)response.StatusCode is < 300 or >= 400)
            {
                return (response, visited);
            }

            var location = response.Headers.Location ?? throw new InvalidOperationException($"{url} redirected without a Location");
            response.Dispose();
            url = location.IsAbsoluteUri ? location : new Uri(url, location);
        }

        throw new InvalidOperationException("Too many redirects: " + string.Join(" -> ", visited));
    }
}
