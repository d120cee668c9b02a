namespace ScribeBot.Tests.Hosting;

public sealed class OutboxWorkerTests : IDisposable
{
    private readonly TempDirectory _data = new();

    private ScribeBotApplication Host(ILoggerProvider? logs = null)
    {
        var host = new ScribeBotApplication(_data);
        return logs is null ? host : host.WithLogs(logs);
    }

    [Fact]
    public async Task Posts_left_in_the_outbox_are_kept_across_a_restart_and_reported_when_no_platform_can_take_them()
    {
        var channel = new ChannelRef(ChatPlatform.Slack, "T1", "C1");
        var item = new OutboxItem
        {
            Id = OutboxItem.MakeId(channel, "r1", 0),
            Post = new AnnouncementPost(channel, ChatText.Of("INC-1 declared")),
            IncidentId = "inc-1",
            EnqueuedAt = DateTimeOffset.UnixEpoch,
            NextAttemptAt = DateTimeOffset.UnixEpoch,
        };
        await using (var first = Host())
        {
            first.CreateClient().Dispose();
            await first.Services.GetRequiredService<IOutboxStore>().EnqueueAsync([item], CancellationToken.None);
        }

        using var logs = new WaitingLoggerProvider("1 posts waiting for a platform that is not configured (Slack)");
        await using var second = Host(logs);
        second.CreateClient().Dispose();

        await logs.Seen.WaitAsync(TimeSpan.FromSeconds(30));
        var stored = await second.Services.GetRequiredService<IOutboxStore>().GetAsync(item.Id, CancellationToken.None);
        Assert.Equal(OutboxState.Pending, stored?.State);
        Assert.Equal(0, stored?.Attempts);
    }

    public void Dispose() => _data.Dispose();

    /// <summary>Completes <see cref="Seen"/> when an Information message containing the expected text is logged.</summary>
    private sealed class WaitingLoggerProvider(string expected) : ILoggerProvider, ILogger
    {
        private readonly TaskCompletionSource _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Seen => _seen.Task;

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Information && formatter(state, exception).Contains(expected, StringComparison.Ordinal))
            {
                _seen.TrySetResult();
            }
        }

        public void Dispose()
        {
        }
    }
}
