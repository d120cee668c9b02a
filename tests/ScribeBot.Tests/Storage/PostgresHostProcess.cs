using ScribeBot.Tests.Hosting;

namespace ScribeBot.Tests.Storage;

/// <summary>
/// One instance of a deployment on PostgreSQL: the built host (<c>dotnet ScribeBot.dll</c>) as a child process on its own
/// loopback port, <c>Storage:Provider=Postgres</c>, Slack configured against a fake Slack the instances share. Several
/// started on one database are what a load balancer has behind it.
/// </summary>
internal sealed partial class PostgresHostProcess : IDisposable
{
    /// <summary>How long a start may take: generous, a bound not a wait (two cores shared with other builds).</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private PostgresHostProcess(string name, HostProcess process, Uri baseAddress, string instanceId)
    {
        Name = name;
        Process = process;
        BaseAddress = baseAddress;
        InstanceId = instanceId;
    }

    public string Name { get; }

    public HostProcess Process { get; }

    public Uri BaseAddress { get; }

    /// <summary>The store instance's id, which the outbox's <c>leased_by</c> names.</summary>
    public string InstanceId { get; }

    public Uri Events => new(BaseAddress, "slack/events");

    /// <param name="settings">More settings for this instance, as environment variables (<c>Section__Key</c>).</param>
    public static async Task<PostgresHostProcess> StartAsync(
        string name, string connectionString, FakeSlack slack, IReadOnlyDictionary<string, string>? settings = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "Postgres",
            ["Storage__Postgres__ConnectionString"] = connectionString,
            ["Slack__SigningSecret"] = SlackPayloads.Secret,
            ["Slack__BotToken"] = SlackPayloads.BotToken,
            ["Slack__AppToken"] = "",
            ["Slack__ApiBaseUrl"] = slack.ApiBaseUrl.AbsoluteUri,
            ["MicrosoftAppId"] = "",
            // The start-up lines and warnings: per-request logging would only slow the burst.
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__ScribeBot"] = "Information",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var process = HostProcess.Start(["--urls", "http://127.0.0.1:0"], Path.GetTempPath(), environment);
        try
        {
            using var timeout = new CancellationTokenSource(StartTimeout);
            var listening = await process.WaitForLineAsync(HostProcess.Listening(), timeout.Token);
            // The store logs its instance id while it starts, before the host listens.
            var instance = StoreInstance().Match(process.OutputSoFar());
            Assert.True(instance.Success, $"Host {name} did not log its store instance. Output:\n{process.OutputSoFar()}");
            return new PostgresHostProcess(name, process, new Uri(listening.Groups["url"].Value + "/"), instance.Groups["id"].Value);
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    public void Dispose() => Process.Dispose();

    [GeneratedRegex(@"PostgreSQL store instance (?<id>\S+): outbox items")]
    private static partial Regex StoreInstance();
}
