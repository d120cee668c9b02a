namespace ScribeBot.Alerts.Tests.Configuration;

/// <summary>Settings the host refuses: it stops at start, and the error says why.</summary>
internal static class StartupError
{
    /// <summary>Starts the host (asserting that it fails to) and returns the error, as text; disposes the factory.</summary>
    public static async Task<string> StartupErrorAsync(this ScribeBotApplication factory)
    {
        await using (factory)
        {
            return Assert.ThrowsAny<Exception>(() => factory.CreateClient()).ToString();
        }
    }
}
