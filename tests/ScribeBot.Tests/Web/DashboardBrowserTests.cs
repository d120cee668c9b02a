using static Microsoft.Playwright.Assertions;

namespace ScribeBot.Tests.Web;

/// <summary>
/// The walk in Chromium against the real host: an incident in the sandbox, tagged by reaction and resolved;
/// its page with the SVG diagram; the root cause edited in the postmortem editor; the Markdown download carrying it.
/// </summary>
public sealed class DashboardBrowserTests(ChromiumFixture chromium, ITestOutputHelper output) : IClassFixture<ChromiumFixture>
{
    private const string RootCause = "payments-api v2.41 set the DB pool to 5 instead of 50";

    [Fact]
    public async Task An_incident_from_the_sandbox_is_read_edited_and_downloaded_on_the_dashboard()
    {
        await using var host = await new ScribeBotApplication().StartKestrelAsync();
        var page = await chromium.NewPageAsync(host.BaseAddress);

        await page.GotoAsync("sandbox");
        await SandboxActions.PickNameAsync(page, "Alice Ng");
        var feed = page.Locator("#feed");
        await SandboxActions.StartCheckoutIncidentAsync(page);
        await SandboxActions.SayAsync(page, "checkout-api 5xx rate is at 30% since 14:02");
        await SandboxActions.SayAsync(page, "rolled back payments-api, errors back to baseline");
        var detection = feed.Locator("li.message", new() { HasText = "5xx rate is at 30%" });
        await SandboxActions.TagDetectionAsync(detection);
        await SandboxActions.SayAsync(page, "/incident resolve rolled back");
        await Expect(feed.Locator("li.draft")).ToBeVisibleAsync();

        // The dashboard lists it; its page has the summary, the timeline and the server-drawn SVG diagram.
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "INC-1", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("INC-1: Checkout returns 502");
        var diagram = page.Locator("svg.timeline-diagram");
        await Expect(diagram).ToBeVisibleAsync();
        await Expect(diagram.Locator("circle.event-marker[data-kind='detection']")).ToHaveCountAsync(1);
        await Expect(diagram.Locator("g.moment.resolved")).ToHaveCountAsync(1);
        var incidentShot = await Screenshots.SaveAsync(page, "incident-page");

        // The editor: fill in the root cause the bot could not know, save, and read it back in the draft.
        await page.GetByRole(AriaRole.Link, new() { Name = "Postmortem", Exact = true }).First.ClickAsync();
        await page.GetByLabel("Root cause", new() { Exact = true }).FillAsync(RootCause);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        var draft = page.Locator("article.draft");
        await Expect(draft).ToContainTextAsync(RootCause);
        var editorShot = await Screenshots.SaveAsync(page, "postmortem-editor");

        // The Markdown download, as the browser gets it, carries the edit.
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Markdown (.md)" }).ClickAsync());
        var path = await download.PathAsync();
        var markdown = await File.ReadAllTextAsync(path!);
        Assert.Equal("INC-1-postmortem.md", download.SuggestedFilename);
        Assert.Contains($"## {PostmortemHeadings.RootCause}", markdown, StringComparison.Ordinal);
        Assert.Contains(RootCause, markdown, StringComparison.Ordinal);

        output.WriteLine($"Screenshots: {incidentShot}, {editorShot}");
    }
}
