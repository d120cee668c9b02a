namespace ScribeBot.Tests.Hosting;

/// <summary>Issue 12, item 3: a second host on the same data file stops at start; the first one goes on.</summary>
public sealed class OneProcessPerDataFileTests : HostDataFileTest
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_second_host_on_the_same_data_file_exits_3_naming_the_file_and_the_holders_pid_and_the_first_stays_healthy()
    {
        using var timeout = new CancellationTokenSource(Patience);
        using var first = StartHost();
        var listening = await first.WaitForLineAsync(HostProcess.Listening(), timeout.Token);
        using var client = new HttpClient { BaseAddress = new Uri(listening.Groups["url"].Value) };
        Assert.Equal("Healthy", await client.GetStringAsync(new Uri("/healthz", UriKind.Relative), timeout.Token));

        using var second = StartHost();
        var (exitCode, output) = await second.WaitForExitAndOutputAsync(timeout.Token);

        Assert.True(exitCode == 3, $"the second host should have refused to start with exit code 3, not {exitCode}:\n" + output);
        Assert.Contains($"ScribeBot cannot start: The data file {DataFile} is in use by another process (pid {first.Id}", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain("listening on", output, StringComparison.Ordinal);
        Assert.False(first.HasExited);
        Assert.Equal("Healthy", await client.GetStringAsync(new Uri("/healthz", UriKind.Relative), timeout.Token));
    }
}
