using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using ScribeBot.Core.Retention;

namespace ScribeBot.Tests.Hosting;

/// <summary>The host runs retention (issue 14, item 4) and refuses a retention period that would forget redeliveries.</summary>
public sealed class RetentionHostTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "scribebot-retention-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_host_removes_posts_delivered_longer_ago_than_the_setting_a_minute_after_start_with_their_records()
    {
        var clock = new FakeTimeProvider(Now);
        await using var host = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder
            .UseSetting("Storage:LiteDb:Path", Path.Combine(_directory, "scribebot.db"))
            .UseSetting("Storage:Retention:DeliveredPosts", "7")
            .ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        host.CreateClient().Dispose();
        var outbox = host.Services.GetRequiredService<IOutboxStore>();
        var state = host.Services.GetRequiredService<IAdapterStateStore>();
        var old = await DeliveredAsync(outbox, state, "old", Now.AddDays(-8));
        var recent = await DeliveredAsync(outbox, state, "recent", Now.AddDays(-6));

        clock.Advance(OutboxRetention.StartDelay);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await outbox.GetAsync(old.Id, timeout.Token) is not null)
        {
            await Task.Delay(20, timeout.Token);
        }

        Assert.Null(await state.GetStateAsync("slack:delivery:" + old.Id, CancellationToken.None));
        Assert.NotNull(await outbox.GetAsync(recent.Id, CancellationToken.None));
        Assert.NotNull(await state.GetStateAsync("slack:delivery:" + recent.Id, CancellationToken.None));
    }

    [Fact]
    public async Task The_host_process_given_a_retention_period_under_a_day_exits_2_naming_the_key()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var host = HostProcess.Start(
            ["--urls", "http://127.0.0.1:0", "--Storage:LiteDb:Path", Path.Combine(_directory, "scribebot.db"),
                "--Storage:Retention:DeliveredPosts", "00:10:00"],
            workingDirectory: Path.GetTempPath());

        var exitCode = await host.WaitForExitAsync(timeout.Token);

        var output = host.OutputSoFar();
        Assert.True(exitCode == 2, $"expected exit code 2 (invalid settings), got {exitCode}:\n{output}");
        Assert.Contains("ScribeBot cannot start: Storage:Retention:DeliveredPosts is 00:10:00; it must be at least 1 day", output, StringComparison.Ordinal);
        Assert.DoesNotContain("listening on", output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static async Task<OutboxItem> DeliveredAsync(IOutboxStore outbox, IAdapterStateStore state, string requestId, DateTimeOffset deliveredAt)
    {
        var channel = new ChannelRef(ChatPlatform.Slack, "T1", "C1");
        var item = new OutboxItem
        {
            Id = OutboxItem.MakeId(channel, requestId, 0),
            Post = new AnnouncementPost(channel, ChatText.Of(requestId)),
            EnqueuedAt = deliveredAt,
            NextAttemptAt = deliveredAt,
        };
        await outbox.EnqueueAsync([item], CancellationToken.None);
        await state.SetItemStateAsync(item.Id, "slack:delivery:" + item.Id, """{"done":true}""", CancellationToken.None);
        await outbox.MarkDeliveredAsync(item.Id, deliveredAt, CancellationToken.None);
        return item;
    }
}
