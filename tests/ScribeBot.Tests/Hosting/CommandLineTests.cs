namespace ScribeBot.Tests.Hosting;

/// <summary>
/// The host as a person at a terminal meets it, in a real process: help exits 0, a bad setting or a port in use is one
/// line with its documented exit code and no stack trace.
/// </summary>
public sealed class CommandLineTests : HostDataFileTest
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Theory]
    [InlineData("--help", "usage: ScribeBot")]
    [InlineData("-h", "usage: ScribeBot")]
    [InlineData("replay --help", "usage: replay FILE [--tz ZONE]")]
    [InlineData("purge --help", "usage: purge --before YYYY-MM-DD [--yes]")]
    public async Task Help_prints_the_usage_and_exits_0(string arguments, string usage)
    {
        var (exit, output) = await RunAsync(arguments.Split(' '), new Dictionary<string, string>());

        Assert.True(exit == 0, $"exit {exit}:\n{output}");
        Assert.StartsWith(usage, output, StringComparison.Ordinal);
        Assert.Contains("Exit codes:", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Scribe__TimeZone", "Mars/Base", "Scribe:TimeZone is 'Mars/Base', which is not an IANA time zone id")]
    [InlineData("Storage__LiteDb__WriteTimeout", "soon", "Storage:LiteDb:WriteTimeout is 'soon', which is not a time span written [d.]hh:mm:ss")]
    [InlineData("Storage__LiteDb__MaxBatchSize", "0", "Storage:LiteDb:MaxBatchSize is 0; it must be a whole number between 1 and 100000")]
    [InlineData("Storage__Provider", "Postgres", "Storage:Postgres:ConnectionString is empty; Storage:Provider is Postgres")]
    [InlineData("Storage__Provider", "Mongo", "Storage:Provider is 'Mongo'; it must be LiteDb or Postgres")]
    [InlineData("Storage__Retention__DeliveredPosts", "02:00:00", "Storage:Retention:DeliveredPosts is 02:00:00; it must be at least 1 day")]
    [InlineData("Slack__RequestTimeout", "00:00:00", "Slack:RequestTimeout must be more than zero and at most 00:05:00")]
    [InlineData("Teams__AllowUnauthenticated", "maybe", "Teams:AllowUnauthenticated is 'maybe', which is not true or false")]
    public async Task An_invalid_setting_exits_2_with_one_line_naming_the_key_and_no_stack_trace(string variable, string value, string expected)
    {
        var (exit, output) = await RunHostAsync(new Dictionary<string, string> { [variable] = value }, "http://127.0.0.1:0");

        Assert.True(exit == ScribeBot.Hosting.StartupFailure.InvalidSettings, $"exit {exit}:\n{output}");
        var reason = Assert.Single(output.Split('\n'), line => line.Contains("cannot start", StringComparison.Ordinal));
        Assert.Contains(expected, reason, StringComparison.Ordinal);
        AssertNoStackTrace(output);
    }

    [Fact]
    public async Task A_port_in_use_exits_4_with_one_line_naming_the_address()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";

        var (exit, output) = await RunHostAsync(new Dictionary<string, string>(), url);

        Assert.True(exit == ScribeBot.Hosting.StartupFailure.AddressInUse, $"exit {exit}:\n{output}");
        var reason = Assert.Single(output.Split('\n'), line => line.Contains("cannot start", StringComparison.Ordinal));
        Assert.Contains($"{url}: address already in use", reason, StringComparison.Ordinal);
        Assert.Contains("--urls", reason, StringComparison.Ordinal);
        AssertNoStackTrace(output);
    }

    [Fact]
    public async Task Starting_with_no_platform_logs_no_warning_and_one_line_per_platform()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        // A home directory as on a fresh machine: no data-protection key yet, so the host makes one at start. With the
        // developer's own key ring in ~/.aspnet the test could not see the warning a first run gave.
        var home = Directory.CreateDirectory(Temp.File("home")).FullName;
        using var host = StartHost(new Dictionary<string, string> { ["HOME"] = home }, "http://127.0.0.1:0");

        // The summary's last line: everything logged at start is in by then.
        await host.WaitForLineAsync(new Regex("Default incident time zone"), timeout.Token);

        var lines = host.OutputSoFar().Split('\n');
        Assert.DoesNotContain(lines, line => line.StartsWith("warn:", StringComparison.Ordinal) || line.StartsWith("fail:", StringComparison.Ordinal)
            || line.StartsWith("crit:", StringComparison.Ordinal));
        var platformLines = lines.Where(line => !line.Contains("Web sandbox", StringComparison.Ordinal)).ToList();
        Assert.Contains("Platform Microsoft Teams: off", Assert.Single(platformLines, line => line.Contains("Teams", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("Platform Slack: not configured", Assert.Single(platformLines, line => line.Contains("Slack", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_half_configured_slack_is_a_warning_naming_the_missing_key()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        using var host = StartHost(new Dictionary<string, string> { ["Slack__SigningSecret"] = "0123456789abcdef0123456789abcdef" }, "http://127.0.0.1:0");

        var warning = await host.WaitForLineAsync(new Regex("^.*Platform Slack: .*$"), timeout.Token);

        Assert.StartsWith("warn:", warning.Value, StringComparison.Ordinal);
        Assert.Contains("Slack:SigningSecret is set but Slack:BotToken is not", warning.Value, StringComparison.Ordinal);
    }

    private static void AssertNoStackTrace(string output) =>
        Assert.DoesNotContain(output.Split('\n'), line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal) && line.StartsWith("   ", StringComparison.Ordinal));

    private async Task<(int Exit, string Output)> RunHostAsync(IReadOnlyDictionary<string, string> environment, string url)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        using var host = StartHost(environment, url);
        return await host.WaitForExitAndOutputAsync(timeout.Token);
    }

    private static async Task<(int Exit, string Output)> RunAsync(string[] arguments, IReadOnlyDictionary<string, string> environment)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        using var host = HostProcess.Start(arguments, Path.GetTempPath(), environment);
        return await host.WaitForExitAndOutputAsync(timeout.Token);
    }
}
