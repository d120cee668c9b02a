namespace ScribeBot.Tests.Hosting;

/// <summary>The host as an operator starts it: a real process, a real port on 127.0.0.1, a real data file.</summary>
public sealed partial class HostProcessTests : HostDataFileTest
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_host_listens_on_loopback_serves_healthz_and_logs_its_platforms()
    {
        var dataFile = Temp.File(Path.Combine("data", "scribebot.db"));
        using var host = HostProcess.StartOnDataFile(dataFile);
        using var timeout = new CancellationTokenSource(StartupTimeout);

        var listening = await host.WaitForLineAsync(HostProcess.Listening(), timeout.Token);
        var platforms = await host.WaitForLineAsync(SlackPlatform(), timeout.Token);

        using var client = new HttpClient { BaseAddress = new Uri(listening.Groups["url"].Value) };
        Assert.Equal("Healthy", await client.GetStringAsync(new Uri("/healthz", UriKind.Relative), timeout.Token));
        Assert.Contains("not configured (set Slack:SigningSecret and Slack:BotToken)", platforms.Value, StringComparison.Ordinal);
        var teams = await host.WaitForLineAsync(TeamsPlatform(), timeout.Token);
        Assert.Contains("off: POST /api/messages answers 404", teams.Value, StringComparison.Ordinal);
        Assert.True(File.Exists(dataFile));
    }

    [Theory]
    [InlineData("ASPNETCORE_URLS", "http://127.0.0.1:0")]
    [InlineData("URLS", "http://127.0.0.1:0")]
    public async Task An_address_from_the_environment_replaces_the_default_one(string variable, string address)
    {
        var dataFile = Temp.File(Path.Combine("data", "scribebot.db"));
        using var host = HostProcess.Start(
            ["--Storage:LiteDb:Path", dataFile],
            workingDirectory: Path.GetTempPath(),
            new Dictionary<string, string> { [variable] = address });
        using var timeout = new CancellationTokenSource(StartupTimeout);

        // Port 0 from the environment: the host says which free port it took, not the default 5080.
        var listening = await host.WaitForLineAsync(HostProcess.Listening(), timeout.Token);

        using var client = new HttpClient { BaseAddress = new Uri(listening.Groups["url"].Value) };
        Assert.Equal("Healthy", await client.GetStringAsync(new Uri("/healthz", UriKind.Relative), timeout.Token));
        Assert.DoesNotContain(":5080", listening.Value, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"Platform Slack: .*")]
    private static partial Regex SlackPlatform();

    [GeneratedRegex(@"Platform Microsoft Teams: .*")]
    private static partial Regex TeamsPlatform();
}
