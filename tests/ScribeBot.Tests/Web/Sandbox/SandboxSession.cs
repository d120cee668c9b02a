namespace ScribeBot.Tests.Web.Sandbox;

/// <summary>
/// One person in the sandbox without a browser: an <see cref="HttpClient"/> with its own cookies that reads the page,
/// takes its antiforgery token and posts the page's forms, as the browser would.
/// </summary>
internal sealed partial class SandboxSession(ScribeBotApplication host) : IDisposable
{
    private readonly HttpClient _client = host.CreateBrowserClient();
    private string? _token;
    private IReadOnlyList<string> _actions = [];

    public static ChannelRef Channel { get; } = SandboxChannel.ChannelOf(SandboxInput.DefaultChannel);

    public SandboxFeed Feed => host.Service<SandboxFeed>();

    /// <summary>GETs a page and keeps its antiforgery token for the next form.</summary>
    public async Task<string> GetAsync(string path = "/sandbox")
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {html}");
        if (Token().Match(html) is { Success: true } token)
        {
            _token = WebUtility.HtmlDecode(token.Groups[1].Value);
        }

        _actions = PostForm().Matches(html)
            .Select(form => FormAction().Match(form.Value))
            .Where(action => action.Success)
            .Select(action => WebUtility.HtmlDecode(action.Groups[1].Value))
            .ToArray();

        return html;
    }

    /// <summary>
    /// Posts the form of <paramref name="handler"/> to where the last page read (<c>/sandbox</c> if none was) sends it,
    /// with its antiforgery token.
    /// </summary>
    public async Task<HttpResponseMessage> PostAsync(string handler, params (string Name, string Value)[] fields)
    {
        if (_token is null)
        {
            await GetAsync();
        }

        var action = _actions.FirstOrDefault(a => a.Split('?')[0].EndsWith("/" + handler, StringComparison.OrdinalIgnoreCase))
            ?? $"/sandbox/{handler}";

        var form = new List<KeyValuePair<string, string>>(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)))
        {
            KeyValuePair.Create("__RequestVerificationToken", _token!),
        };
        using var content = new FormUrlEncodedContent(form);
        return await _client.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    public async Task UseNameAsync(string name)
    {
        using var response = await PostAsync("name", ("name", name));
        AssertRedirected(response);
    }

    /// <summary>Posts a message or command and asserts the page redirected back (it was taken).</summary>
    public async Task SayAsync(string text)
    {
        using var response = await PostAsync("message", ("text", text));
        AssertRedirected(response);
    }

    /// <summary>Says <paramref name="resolve"/>, a command that resolves the incident, and waits for the draft it brings to the feed.</summary>
    public async Task<SandboxFeedItem> ResolveAndWaitForDraftAsync(string resolve)
    {
        await SayAsync(resolve);
        return await WaitForAsync(null, item => item.Kind == SandboxItemKind.Draft);
    }

    /// <summary>
    /// Says each of <paramref name="texts"/> in turn, the last a command that resolves the incident; returns the draft
    /// that brings to the feed and the page as it then reads.
    /// </summary>
    public async Task<(SandboxFeedItem Draft, string Page)> SayThroughToDraftAsync(params string[] texts)
    {
        foreach (var text in texts[..^1])
        {
            await SayAsync(text);
        }

        var draft = await ResolveAndWaitForDraftAsync(texts[^1]);
        return (draft, await GetAsync());
    }

    /// <summary>Waits, on the feed itself rather than on a clock, until a line <paramref name="viewer"/> sees matches.</summary>
    public async Task<SandboxFeedItem> WaitForAsync(string? viewer, Func<SandboxFeedItem, bool> match)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var snapshot = Feed.Read(Channel, viewer);
            if (snapshot.Items.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            try
            {
                await Feed.WaitForChangeAsync(Channel, snapshot.Version, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail("Not in the feed within 30 s. The feed: " + string.Join(" | ", snapshot.Items.Select(i => $"{i.Kind} {i.Author}: {i.Text ?? i.Html}")));
            }
        }
    }

    public static void AssertRedirected(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"expected a redirect, got {(int)response.StatusCode}");

    public void Dispose() => _client.Dispose();

    [GeneratedRegex(@"name=""__RequestVerificationToken"" type=""hidden"" value=""([^""]+)""", RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    [GeneratedRegex(@"<form\b[^>]*\bmethod=""post""[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex PostForm();

    [GeneratedRegex(@"\baction=""([^""]+)""", RegexOptions.CultureInvariant)]
    private static partial Regex FormAction();
}
