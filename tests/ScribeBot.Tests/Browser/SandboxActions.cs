using static Microsoft.Playwright.Assertions;

namespace ScribeBot.Tests.Browser;

/// <summary>What a person does on the sandbox page, for the browser tests: pick a name, say a line, tag a message.</summary>
internal static class SandboxActions
{
    public static async Task PickNameAsync(IPage page, string name)
    {
        await page.GetByLabel("Pick a user name").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Use this name" }).ClickAsync();
    }

    public static async Task SayAsync(IPage page, string text)
    {
        await page.GetByLabel("Message").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        // After the redirect, the line is in the feed (a command's private reply, if any, comes with it).
        await Expect(page.Locator("#feed li.message, #feed li.command").Last).ToContainTextAsync(text);
    }

    /// <summary>Says the start of INC-1 (Checkout returns 502, SEV2) and waits for its announcement in the feed.</summary>
    public static async Task StartCheckoutIncidentAsync(IPage page)
    {
        await SayAsync(page, "/incident start Checkout returns 502 sev2");
        await Expect(page.Locator("#feed").Locator("li.announcement", new() { HasText = "INC-1 declared" })).ToBeVisibleAsync();
    }

    /// <summary>Tags the message as detection through its tag control and waits for the caller's own pill, counted once.</summary>
    public static async Task TagDetectionAsync(ILocator message)
    {
        await message.Locator("details.tag-picker summary", new() { HasText = "tag" }).ClickAsync();
        await message.Locator("details.tag-picker").GetByRole(AriaRole.Button, new() { Name = "detection", Exact = true }).ClickAsync();
        await Expect(message.Locator("button.given.mine")).ToHaveTextAsync(new Regex("^\\s*\U0001F6A8\\s+detection\\s+1\\s*$"));
    }
}
