namespace ScribeBot.Tests.Browser;

/// <summary>
/// Screenshots kept as test artefacts in <c>tests/ScribeBot.Tests/TestResults/screenshots/</c>, the folder the CI
/// collects with the test results.
/// </summary>
internal static class Screenshots
{
    public static string Directory { get; } = Path.Combine(RepositoryPaths.Root, "tests", "ScribeBot.Tests", "TestResults", "screenshots");

    /// <summary>Saves the whole page (not only the viewport) as <c>{name}.png</c> and returns the file's path.</summary>
    public static async Task<string> SaveAsync(IPage page, string name)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }
}
