namespace ScribeBot.Tests.Browser;

/// <summary>
/// One headless Debian Chromium for a test class (<c>IClassFixture&lt;ChromiumFixture&gt;</c>), launched the way
/// DESIGN.md says: <c>/usr/bin/chromium</c>, never a browser that Playwright downloads. Each test takes its own
/// context from <see cref="NewPageAsync"/> (own cookies and storage), closed with the fixture.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private readonly List<IBrowserContext> _contexts = [];
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>How long a locator assertion waits for the page to get there (ScribeBot posts arrive asynchronously).</summary>
    public static readonly TimeSpan AssertionTimeout = TimeSpan.FromSeconds(30);

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not launched yet.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Browser tests need Debian's Chromium at {ExecutablePath}, which is missing. Install it with " +
                "`apt-get install -y chromium` (as root; .ci/run does this when it is missing). Playwright's own browser download is not used.");
        }

        Assertions.SetDefaultExpectTimeout((float)AssertionTimeout.TotalMilliseconds);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A page in a fresh context whose relative URLs resolve against <paramref name="baseAddress"/>.</summary>
    public Task<IPage> NewPageAsync(Uri baseAddress) => NewPageAsync(baseAddress, 1280, 900);

    /// <summary>A page as <see cref="NewPageAsync(Uri)"/> in a viewport of the given size (390 x 844 is a phone).</summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress, int width, int height)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = baseAddress.AbsoluteUri, ViewportSize = new() { Width = width, Height = height } });
        context.SetDefaultTimeout((float)AssertionTimeout.TotalMilliseconds);
        lock (_contexts)
        {
            _contexts.Add(context);
        }

        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }

        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}
