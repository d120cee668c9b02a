using static Microsoft.Playwright.Assertions;
using ScribeBot.Core.Links;

namespace ScribeBot.Tests.Web.Layout;

/// <summary>
/// Every dashboard page at a phone's width (390 x 844) and a desktop's (1280 x 800), in Chromium against the real
/// host: nothing sticks out of the viewport, no header, button or title splits a word that would fit, SVG text reads
/// at 10 px or more and its labels do not overlap (<see cref="LayoutProbe"/>). Each page is saved as a screenshot in
/// <c>tests/ScribeBot.Tests/TestResults/screenshots/layout-*.png</c> (whole page) and <c>layout-*-screen.png</c> (the
/// first screen).
/// </summary>
public sealed class ResponsiveLayoutTests(ChromiumFixture chromium, ResponsiveLayoutFixture seeded, ITestOutputHelper output)
    : IClassFixture<ChromiumFixture>, IClassFixture<ResponsiveLayoutFixture>
{
    public static TheoryData<string, int> Pages()
    {
        var data = new TheoryData<string, int>();
        foreach (var width in new[] { 390, 1280 })
        {
            foreach (var page in new[] { "list", "list-filtered", "list-page-2", "incident-long", "incident-short", "incident-burst", "postmortem", "stats", "not-found", "unknown-address" })
            {
                data.Add(page, width);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_page_fits_the_viewport_keeps_its_words_whole_and_its_svg_text_legible(string name, int width)
    {
        var page = await chromium.NewPageAsync(seeded.Host.BaseAddress, width, Height(width));

        var response = await page.GotoAsync(Path(name));
        Assert.Equal(name is "not-found" or "unknown-address" ? 404 : 200, response!.Status);

        await CheckAsync(page, $"layout-{name}-{width}");
    }

    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task The_sandbox_fits_the_viewport_with_a_long_word_in_the_feed(int width)
    {
        var page = await chromium.NewPageAsync(seeded.Host.BaseAddress, width, Height(width));
        await page.GotoAsync($"sandbox?channel=layout-{width}");
        await SandboxActions.PickNameAsync(page, "Alice Ng");
        var text = $"seeing {ResponsiveLayoutFixture.LongWord} in the logs";
        await page.GetByLabel("Message").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Expect(page.Locator("#feed li").Last).ToContainTextAsync(text);

        await CheckAsync(page, $"layout-sandbox-{width}");
    }

    [Fact]
    public async Task The_simulate_a_page_control_declares_from_a_click_and_fits_a_phone()
    {
        var page = await chromium.NewPageAsync(seeded.Host.BaseAddress, 390, Height(390));
        await page.GotoAsync("sandbox?channel=layout-pager");
        var pagerDuty = page.GetByRole(AriaRole.Group, new() { Name = "PagerDuty page" });
        var feed = page.Locator("#feed");

        await pagerDuty.GetByRole(AriaRole.Button, new() { Name = "Trigger", Exact = true }).ClickAsync();
        await Expect(feed.Locator("li.alert")).ToContainTextAsync("incident.triggered");
        await Expect(feed.Locator("li.announcement", new() { HasText = "declared from a PagerDuty page" })).ToBeVisibleAsync();
        await Expect(pagerDuty).ToContainTextAsync(new Regex("Page Q[A-Z0-9]{13}, fired"));
        await page.GetByRole(AriaRole.Group, new() { Name = "PagerDuty page" }).GetByRole(AriaRole.Button, new() { Name = "Escalate", Exact = true }).ClickAsync();
        await Expect(feed.Locator("li.announcement", new() { HasText = "escalated in PagerDuty" })).ToBeVisibleAsync();

        await CheckAsync(page, "layout-sandbox-simulate-page-390");
    }

    [Fact]
    public async Task The_short_incidents_diagram_spreads_its_39_seconds_over_the_width_with_second_ticks_and_labels()
    {
        var page = await chromium.NewPageAsync(seeded.Host.BaseAddress, 1280, 800);
        await page.GotoAsync(IncidentPages.Page(seeded.Short.Id));
        var diagram = page.Locator("svg.timeline-diagram");

        var ticks = await diagram.Locator("g.axis text").AllTextContentsAsync();
        Assert.True(ticks.Count >= 4, $"ticks: {string.Join(", ", ticks)}");
        Assert.All(ticks, t => Assert.Matches(@"^\d\d:\d\d:\d\d$", t));
        await Expect(diagram.Locator("g.moment.declared text")).ToHaveTextAsync(new Regex("^Declared "));
        await Expect(diagram.Locator("g.event text.event-label")).ToHaveCountAsync(2);
        var spread = await diagram.EvaluateAsync<double>("""
            svg => {
                const xs = [...svg.querySelectorAll('g.moment line')].map(l => l.getBoundingClientRect().left);
                return (Math.max(...xs) - Math.min(...xs)) / svg.getBoundingClientRect().width;
            }
            """);
        Assert.True(spread > 0.8, $"declared to resolved covers {spread:P0} of the diagram");
    }

    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task The_stats_table_shows_every_figure_without_sideways_scrolling(int width)
    {
        var page = await chromium.NewPageAsync(seeded.Host.BaseAddress, width, Height(width));
        await page.GotoAsync("/stats");
        var tables = await page.Locator("table.stats").AllAsync();
        await Screenshots.SaveAsync(page, $"layout-stats-table-{width}");
        Assert.NotEmpty(tables);

        foreach (var table in tables)
        {
            // Every figure cell lies inside the viewport and inside its scroll box, so none is hidden off to the side.
            var outside = await table.EvaluateAsync<string[]>("""
                t => {
                    const box = t.closest('.table-scroll').getBoundingClientRect();
                    return [...t.querySelectorAll('tbody th, tbody td')]
                        .filter(c => { const r = c.getBoundingClientRect(); return r.right > Math.min(box.right, innerWidth) + 0.5 || r.left < box.left - 0.5; })
                        .map(c => c.textContent.trim());
                }
                """);

            Assert.Empty(outside);
            Assert.Equal(0, await table.EvaluateAsync<int>("t => { const s = t.closest('.table-scroll'); return s.scrollWidth - s.clientWidth; }"));
            if (width < 700)
            {
                // Stacked: each figure is labelled with its column's header, since the headers are out of sight.
                var lastHeader = (await table.Locator("thead th").Last.TextContentAsync())!.Trim();
                Assert.Equal(lastHeader, await table.Locator("tbody td[data-label]").Last.EvaluateAsync<string>("td => getComputedStyle(td, '::before').content.replaceAll('\"', '')"));

                // ... and each name fits its column on one line, so none runs into the next line's name.
                var cramped = await table.EvaluateAsync<string[]>("""
                    t => {
                        const context = document.createElement('canvas').getContext('2d');
                        return [...t.querySelectorAll('tbody td[data-label]')].filter(td => {
                            const label = getComputedStyle(td, '::before');
                            context.font = label.font;
                            return context.measureText(td.dataset.label).width > parseFloat(label.width) + 0.5;
                        }).map(td => td.dataset.label);
                    }
                    """);
                Assert.Empty(cramped.Distinct());
            }
        }
    }

    private static int Height(int width) => width < 700 ? 844 : 800;

    private string Path(string name) => name switch
    {
        "list" => "/",
        "list-filtered" => "/?status=resolved&severity=sev2",
        "list-page-2" => "/?page=2",
        "incident-long" => IncidentPages.Page(seeded.Long.Id),
        "incident-short" => IncidentPages.Page(seeded.Short.Id),
        "incident-burst" => IncidentPages.Page(seeded.Burst.Id),
        "postmortem" => IncidentPages.Editor(seeded.Long.Id),
        "stats" => "/stats",
        "not-found" => IncidentPages.Page("web:nowhere:404"),
        "unknown-address" => "/no/such/page",
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private async Task CheckAsync(IPage page, string screenshot)
    {
        var shot = await Screenshots.SaveAsync(page, screenshot);
        // The first screen as well: a phone's whole list is too tall to judge at a glance.
        var first = System.IO.Path.Combine(Screenshots.Directory, screenshot + "-screen.png");
        await page.ScreenshotAsync(new() { Path = first });
        output.WriteLine($"Screenshots: {shot}, {first}");
        var problems = await LayoutProbe.FindProblemsAsync(page);
        Assert.True(problems.Count == 0, $"{page.Url} at {page.ViewportSize!.Width}px:\n" + string.Join("\n", problems));
    }
}
