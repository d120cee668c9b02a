namespace ScribeBot.Testing;

/// <summary>Settings the host refuses: it stops at start, and the error says why.</summary>
public static class StartupErrors
{
    /// <summary>Starts the host (asserting that it fails to) and returns the error, as text; disposes the factory.</summary>
    public static async Task<string> StartupErrorAsync(this ScribeBotApplication factory)
    {
        await using (factory)
        {
            return Assert.ThrowsAny<Exception>(() => factory.CreateClient()).ToString();
        }
    }

    /// <summary>The error of a host given one setting on top of the baseline.</summary>
    public static Task<string> OfSettingAsync(string key, string value) =>
        new ScribeBotApplication().WithSetting(key, value).StartupErrorAsync();
}
