namespace ScribeBot.Tests.Hosting;

/// <summary>
/// Issue 12, item 4, on a real full file system: the host's data file on a small tmpfs that the test fills up and
/// frees again, the host running as its own process as an operator runs it.
/// </summary>
public sealed partial class FullDiskTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Longer than the store's write deadline (10 s by default), so a request that hangs fails here rather than
    /// being mistaken for an answer.
    /// </summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    [TmpfsFact]
    public async Task On_a_full_disk_Slack_gets_an_error_at_once_and_healthz_is_unhealthy_and_once_space_returns_both_recover_without_a_restart()
    {
        using var disk = Tmpfs.Mount(sizeKiB: 8 * 1024);
        using var host = HostProcess.Start(
            ["--urls", "http://127.0.0.1:0"],
            workingDirectory: Path.GetTempPath(),
            new Dictionary<string, string>
            {
                ["Storage__LiteDb__Path"] = Path.Combine(disk.Path, "scribebot.db"),
                ["Slack__SigningSecret"] = SlackPayloads.Secret,
                ["Slack__BotToken"] = "",
                ["Slack__AppToken"] = "",
                ["Slack__ApiBaseUrl"] = "http://127.0.0.1:9/api/",
                ["MicrosoftAppId"] = "",
            });
        using var timeout = new CancellationTokenSource(Patience);
        var listening = await host.WaitForLineAsync(HostProcess.Listening(), timeout.Token);
        using var client = new HttpClient { BaseAddress = new Uri(listening.Groups["url"].Value + "/"), Timeout = RequestTimeout };

        Assert.Equal(HttpStatusCode.OK, await HealthAsync(client));
        Assert.Equal(HttpStatusCode.OK, await CommandAsync(client, "start Disk fills up sev2", "1.disk.start"));

        Assert.Equal(HttpStatusCode.OK, await MessageAsync(client, 1));

        var filled = disk.Fill();
        var whileFull = await MessageAsync(client, 2);
        var healthWhileFull = await HealthAsync(client);
        var secondWhileFull = await MessageAsync(client, 3);

        disk.Free();
        var healthAfter = await HealthAsync(client);
        // Slack's redeliveries of the refused messages, now stored.
        var redelivered = await MessageAsync(client, 2);
        var secondRedelivered = await MessageAsync(client, 3);

        Assert.True(filled > 0);
        Assert.Equal(HttpStatusCode.InternalServerError, whileFull);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, healthWhileFull);
        Assert.Equal(HttpStatusCode.InternalServerError, secondWhileFull);
        Assert.Equal(HttpStatusCode.OK, healthAfter);
        Assert.Equal(HttpStatusCode.OK, redelivered);
        Assert.Equal(HttpStatusCode.OK, secondRedelivered);
        Assert.False(host.HasExited, host.OutputSoFar());
        Assert.Matches(StorageFailureLogged(), host.OutputSoFar());
    }

    private static async Task<HttpStatusCode> HealthAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("healthz", UriKind.Relative));
        return response.StatusCode;
    }

    /// <summary>A channel message (Events API) in the incident's channel: captured, so answered only after its commit.</summary>
    private static async Task<HttpStatusCode> MessageAsync(HttpClient client, int number)
    {
        var ts = string.Create(CultureInfo.InvariantCulture, $"{TimeProvider.System.GetUtcNow().ToUnixTimeSeconds()}.{number:D6}");
        var body = SlackPayloads.Event("event_message_channel.docs.json", ("event.user", "U0DISKFULL"));
        body["event_id"] = "EvDISK" + number.ToString(CultureInfo.InvariantCulture);
        body["event"]!["ts"] = ts;
        body["event"]!["event_ts"] = ts;
        body["event"]!["text"] = "message " + number.ToString(CultureInfo.InvariantCulture);
        return await PostAsync(client, Encoding.UTF8.GetBytes(body.ToJsonString()), "application/json");
    }

    private static async Task<HttpStatusCode> CommandAsync(HttpClient client, string text, string triggerId)
    {
        var form = SlackPayloads.Command(text, triggerId);
        var body = Encoding.UTF8.GetBytes(string.Join('&', form.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value))));
        return await PostAsync(client, body, "application/x-www-form-urlencoded");
    }

    private static async Task<HttpStatusCode> PostAsync(HttpClient client, byte[] body, string contentType)
    {
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("slack/events", UriKind.Relative)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", SlackPayloads.Sign(timestamp, body));
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [GeneratedRegex(@"Commit of \d+ writes failed|Storage failed under a batch")]
    private static partial Regex StorageFailureLogged();
}
