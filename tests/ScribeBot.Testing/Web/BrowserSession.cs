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
