namespace ScribeBot.Tests.Web;

/// <summary>
/// A test class with a dashboard host of its own (<see cref="DashboardFixture.StartHostAsync"/>), started before each
/// test and disposed after it, for tests that seed incidents the shared fixture must not see.
/// </summary>
public abstract class DashboardHostTest : IAsyncLifetime
{
    private ScribeBotApplication? _host;

    protected ScribeBotApplication Host => _host ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync() => _host = await DashboardFixture.StartHostAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
