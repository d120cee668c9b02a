namespace ScribeBot.Tests.Web;

/// <summary>
/// A test class with a dashboard host of its own (<see cref="DashboardFixture.StartHostAsync"/>), started before each
/// test and disposed after it, for tests that seed incidents the shared fixture must not see.
/// </summary>
public abstract class DashboardHostTest() : StartedBeforeTests<ScribeBotApplication>("Not started.")
{
    protected ScribeBotApplication Host => Started;

    protected override Task<ScribeBotApplication> StartAsync() => DashboardFixture.StartHostAsync();
}
