using static Microsoft.Playwright.Assertions;

namespace ScribeBot.Tests.Web.Sandbox;

/// <summary>A newcomer's first incident, in Chromium, against the real host.</summary>
public sealed class SandboxBrowserTests(ChromiumFixture chromium, ITestOutputHelper output) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task An_incident_run_in_the_sandbox_ends_with_the_draft_in_the_feed()
    {
        var watch = Stopwatch.StartNew();
        await using var host = await new ScribeBotApplication().StartKestrelAsync();
        var page = await chromium.NewPageAsync(host.BaseAddress);

        await page.GotoAsync("sandbox");
        await SandboxActions.PickNameAsync(page, "Alice Ng");
        await Expect(page.Locator("#current-user")).ToHaveTextAsync("Alice Ng");

        var feed = page.Locator("#feed");
        await SandboxActions.StartCheckoutIncidentAsync(page);
        await SandboxActions.SayAsync(page, "/incident severity sev9");
        await Expect(feed.Locator("li.reply.private")).ToContainTextAsync("sev9");
        await Expect(feed.Locator("li.reply.private")).ToContainTextAsync("only visible to you");
        await SandboxActions.SayAsync(page, "checkout-api 5xx rate is at 30% since 14:02");
        await SandboxActions.SayAsync(page, "payments-api v2.41 went out at 13:55, rolling it back");
        await SandboxActions.SayAsync(page, "error rate back to baseline");

        var detection = feed.Locator("li.message", new() { HasText = "5xx rate is at 30%" });
        await SandboxActions.TagDetectionAsync(detection);

        await SandboxActions.SayAsync(page, "/incident resolve rolled back");
        var draft = feed.Locator("li.draft");
        await Expect(draft).ToBeVisibleAsync();

        foreach (var heading in new[]
                 {
                     PostmortemHeadings.IssueSummary, PostmortemHeadings.Timeline,
                     PostmortemHeadings.RootCause, PostmortemHeadings.Measures,
                 })
        {
            await Expect(draft.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true })).ToBeVisibleAsync();
        }

        // The diagram is the timeline picture, loaded (a 2x PNG from this host) and described, not Mermaid source.
        var picture = draft.Locator("figure.timeline-picture img");
        await Expect(picture).ToBeVisibleAsync();
        await Expect(picture).ToHaveAttributeAsync("alt", new Regex("^Timeline of INC-1: .+ Phases: Declared to "));
        await Expect(picture).ToHaveJSPropertyAsync("naturalWidth", 1920);
        await Expect(draft.Locator("code.language-mermaid")).ToHaveCountAsync(0);

        var timeline = draft.Locator("h2:text-is('Timeline') + ul");
        await Expect(timeline.Locator("li", new() { HasText = "5xx rate is at 30%" })).ToContainTextAsync("Detection - Alice Ng");
        // The tagged line links back to the message in the feed.
        var link = timeline.Locator("li", new() { HasText = "5xx rate is at 30%" }).GetByRole(AriaRole.Link, new() { Name = "message" });
        Assert.EndsWith("#" + await detection.GetAttributeAsync("id"), await link.GetAttributeAsync("href"), StringComparison.Ordinal);

        await Expect(draft.GetByRole(AriaRole.Link, new() { Name = "Open the incident" })).ToHaveAttributeAsync("href", new Regex("^/incidents/web%3Asandbox%3A1$"));
        await Expect(draft.GetByRole(AriaRole.Link, new() { Name = "Edit the draft" })).ToHaveAttributeAsync("href", new Regex("^/incidents/web%3Asandbox%3A1/postmortem$"));

        var screenshot = await Screenshots.SaveAsync(page, "sandbox-draft");
        output.WriteLine($"Screenshot: {screenshot}; the incident took {watch.Elapsed.TotalSeconds:F1} s in the browser.");
    }

    [Fact]
    public async Task The_tag_control_opens_by_keyboard_and_a_link_to_a_forgotten_message_says_it_is_gone()
    {
        await using var host = await new ScribeBotApplication().StartKestrelAsync();
        var page = await chromium.NewPageAsync(host.BaseAddress);

        // A link from a draft written before a restart: the feed is empty, the page says why.
        await page.GotoAsync("sandbox#msg-638000000000000000");
        await Expect(page.Locator("#gone")).ToBeVisibleAsync();
        await Expect(page.Locator("#gone")).ToContainTextAsync("forgets it on restart");
        await Screenshots.SaveAsync(page, "sandbox-gone-message");

        await SandboxActions.PickNameAsync(page, "Alice Ng");
        await SandboxActions.SayAsync(page, "/incident start Checkout returns 502 sev2");
        await SandboxActions.SayAsync(page, "checkout-api 5xx rate is at 30%");
        await Expect(page.Locator("#gone")).ToBeHiddenAsync();

        // One control per message; its seven choices say what they tag and stay closed until asked for.
        var message = page.Locator("#feed li.message", new() { HasText = "5xx rate" });
        await Expect(message.Locator("details.tag-picker")).ToHaveCountAsync(1);
        var choices = message.Locator("details.tag-picker button.choice");
        await Expect(choices).ToHaveCountAsync(7);
        await Expect(choices.First).ToBeHiddenAsync();
        await Expect(choices.Nth(2)).ToHaveTextAsync(new Regex("^\\s*\u274C\\s+misleading\\s*$"));

        await message.Locator("summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(choices.First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "sandbox-tag-picker");
        await page.Keyboard.PressAsync("Tab");
        await Expect(choices.First).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(message.Locator("button.given.mine")).ToContainTextAsync("detection");
        await Expect(page.Locator("#gone")).ToBeHiddenAsync();
        // The command was Alice's alone: it is marked so, and the tag control is only on messages everyone sees.
        var command = page.Locator("#feed li.command");
        await Expect(command).ToContainTextAsync("only visible to you");
        await Expect(command.Locator("details.tag-picker")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task On_a_phone_the_drafts_picture_keeps_legible_size_and_scrolls_inside_its_figure_not_the_page()
    {
        await using var host = await new ScribeBotApplication().StartKestrelAsync();
        var page = await chromium.NewPageAsync(host.BaseAddress, 390, 844);
        await page.GotoAsync("sandbox");
        await SandboxActions.PickNameAsync(page, "Alice Ng");
        await SandboxActions.SayAsync(page, "/incident start Checkout returns 502 sev2");
        await SandboxActions.SayAsync(page, "/incident resolve rolled back");
        var picture = page.Locator("#feed li.draft figure.timeline-picture img");
        await Expect(picture).ToBeVisibleAsync();
        await Expect(picture).ToHaveJSPropertyAsync("complete", true);

        var sizes = await page.EvaluateAsync<double[]>("""
            () => {
                const figure = document.querySelector('#feed li.draft figure.timeline-picture');
                const image = figure.querySelector('img');
                return [document.documentElement.scrollWidth, document.documentElement.clientWidth,
                        image.getBoundingClientRect().width, figure.scrollWidth, figure.clientWidth];
            }
            """);
        await Screenshots.SaveAsync(page, "sandbox-picture-390");

        // The page itself does not scroll sideways; the picture, at its own width (labels at 12 px), scrolls in its figure.
        Assert.True(sizes[0] <= sizes[1], $"the page is {sizes[0]} px wide in a {sizes[1]} px window");
        Assert.True(sizes[2] >= 900, $"the picture is shown {sizes[2]} px wide");
        Assert.True(sizes[3] > sizes[4], "the figure scrolls");
    }

    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task Tag_pills_choices_and_the_tag_button_are_one_height_and_line_up(int width)
    {
        await using var host = await new ScribeBotApplication().StartKestrelAsync();
        var page = await chromium.NewPageAsync(host.BaseAddress, width, width < 700 ? 844 : 800);
        await page.GotoAsync("sandbox");
        await SandboxActions.PickNameAsync(page, "Alice Ng");
        await SandboxActions.SayAsync(page, "/incident start Checkout returns 502 sev2");
        await SandboxActions.SayAsync(page, "checkout-api 5xx rate is at 30%");
        var message = page.Locator("#feed li.message", new() { HasText = "5xx rate" });
        // Emoji whose glyph boxes differ: the target stood a pixel taller than the siren.
        foreach (var tag in new[] { "detection", "root cause", "misleading", "escalation" })
        {
            await message.Locator("details.tag-picker summary").ClickAsync();
            await message.Locator("details.tag-picker").GetByRole(AriaRole.Button, new() { Name = tag, Exact = true }).ClickAsync();
            await Expect(message.Locator("button.given", new() { HasText = tag })).ToBeVisibleAsync();
        }

        await message.Locator("details.tag-picker summary").ClickAsync();
        await Expect(message.Locator("button.choice").First).ToBeVisibleAsync();

        var boxes = await message.EvaluateAsync<double[][]>("""
            li => [...li.querySelectorAll('form.reactions > button.given, details.tag-picker > summary, button.choice')]
                .map(e => { const r = e.getBoundingClientRect(); return [r.top, r.height, e.tagName === 'SUMMARY' ? 1 : 0]; })
            """);
        await Screenshots.SaveAsync(page, $"sandbox-tag-pills-{width}");

        Assert.Equal(4 + 1 + 7, boxes.Length);
        Assert.All(boxes, b => Assert.Equal(boxes[0][1], b[1], 0.5));
        // The tag button sits on the line of the pills beside it (if any), not a pixel below.
        var summary = boxes.Single(b => b[2] == 1);
        var neighbours = boxes.Take(4).Where(b => Math.Abs(b[0] - summary[0]) < summary[1]).ToList();
        Assert.All(neighbours, b => Assert.Equal(summary[0], b[0], 0.5));
    }
}
