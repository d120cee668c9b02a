namespace ScribeBot.Slack.Tests.WebApi;

/// <summary>
/// A fake Slack plus the client wired exactly as production wires it (<c>AddSlackWebApi</c>, IHttpClientFactory),
/// pointed at the fake, with every log line captured and a <see cref="FakeTimeProvider"/> for waits.
/// </summary>
internal sealed class SlackApiHarness(FakeSlack slack, ServiceProvider services, FakeTimeProvider time, CapturingLoggerProvider logs)
    : IAsyncDisposable
{
    public const string Token = "xoxb-test-0000-SECRET-TOKEN";
    public const string AppToken = "xapp-test-0000-SECRET-APP-TOKEN";

    public FakeSlack Slack { get; } = slack;

    public FakeTimeProvider Time { get; } = time;

    public CapturingLoggerProvider Logs { get; } = logs;

    public SlackWebApiClient Client => services.GetRequiredService<SlackWebApiClient>();

    public IServiceProvider Services => services;

    public static async Task<SlackApiHarness> StartAsync(Uri? apiBaseUrl = null)
    {
        var slack = await FakeSlack.StartAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.Zero));
        slack.Clock = time;
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(time)
            .AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace))
            .Configure<SlackOptions>(options =>
            {
                options.BotToken = Token;
                options.AppToken = AppToken;
                options.ApiBaseUrl = apiBaseUrl ?? slack.ApiBaseUrl;
            })
            .AddSlackWebApi()
            .BuildServiceProvider();
        return new SlackApiHarness(slack, services, time, logs);
    }

    /// <summary>
    /// Runs a call that waits on <see cref="Time"/>, advancing the fake clock a second at a time (with a real
    /// yield between steps so the HTTP work can progress) until it finishes. Returns how much fake time passed.
    /// </summary>
    public async Task<(T Result, TimeSpan Waited)> RunAdvancingTimeAsync<T>(Func<Task<T>> call)
    {
        var start = Time.GetUtcNow();
        var task = call();
        for (var step = 0; !task.IsCompleted && step < 500; step++)
        {
            await Task.WhenAny(task, Task.Delay(20));
            if (!task.IsCompleted && Time.GetUtcNow() - start < TimeSpan.FromMinutes(5))
            {
                Time.Advance(TimeSpan.FromSeconds(1));
            }
        }

        return (await task, Time.GetUtcNow() - start);
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await Slack.DisposeAsync();
    }
}
