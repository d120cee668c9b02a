using static ScribeBot.Core.Tests.Outbox.DispatcherTestBed;

namespace ScribeBot.Core.Tests.Outbox;

public sealed class OutboxDispatcherTests : IAsyncDisposable
{
    private static readonly int[] BackoffSeconds = [2, 4, 8, 16, 32, 64, 128, 256, 300, 300];

    private readonly DispatcherTestBed _bed = new();

    public ValueTask DisposeAsync() => _bed.DisposeAsync();

    private Task<bool> IsAsync(OutboxItem item, OutboxState state) => _bed.HasAsync(item, i => i.State == state);

    private Task<bool> FailedAsync(OutboxItem item, int times) => _bed.HasAsync(item, i => i.Attempts == times);

    /// <summary>Lets <paramref name="time"/> pass, then waits for the dispatcher to idle with the item in that state.</summary>
    private async Task AdvanceUntilAsync(TimeSpan time, OutboxItem item, OutboxState state)
    {
        _bed.Clock.Advance(time);
        await _bed.IdleAsync(() => IsAsync(item, state));
    }

    /// <summary>Every attempt answered "try again later" with no Retry-After.</summary>
    private static DeliveryResult Unavailable(OutboxItem item, int attempt) => DeliveryResult.Retry(null, "HTTP 503");

    /// <summary>The first <paramref name="failures"/> attempts answered as <see cref="Unavailable"/>, the next delivered.</summary>
    private static Func<OutboxItem, int, DeliveryResult> UnavailableAtFirst(int failures) =>
        (item, attempt) => attempt <= failures ? Unavailable(item, attempt) : DeliveryResult.Delivered;

    /// <summary>A Slack poster that answers as <paramref name="script"/> says, started, and one post for C1 enqueued.</summary>
    private async Task<(FakePoster Poster, OutboxItem Item)> EnqueueOneAsync(Func<OutboxItem, int, DeliveryResult>? script = null)
    {
        var poster = new FakePoster(ChatPlatform.Slack, _bed.Clock, script);
        _bed.Start(poster);
        var item = _bed.Item(C1, "r1");
        await _bed.EnqueueAsync(item);
        return (poster, item);
    }

    [Fact]
    public async Task An_enqueued_post_is_delivered_once_and_marked_delivered()
    {
        var (poster, item) = await EnqueueOneAsync();
        await _bed.IdleAsync(() => IsAsync(item, OutboxState.Delivered));

        Assert.Equal(1, poster.AttemptsOf(item.Id));
        var stored = await _bed.GetAsync(item);
        Assert.Equal(T0, stored.DeliveredAt);
        Assert.Equal(0, stored.Attempts);
    }

    [Fact]
    public async Task Retry_after_is_honoured_then_the_post_is_delivered_once()
    {
        var (poster, item) = await EnqueueOneAsync(
            (_, attempt) => attempt == 1 ? DeliveryResult.Retry(TimeSpan.FromSeconds(30), "HTTP 429") : DeliveryResult.Delivered);
        var wait = await _bed.SleepsUntilRetryAsync(() => FailedAsync(item, 1));

        Assert.Equal(TimeSpan.FromSeconds(30), wait);
        var rescheduled = await _bed.GetAsync(item);
        Assert.Equal(T0.AddSeconds(30), rescheduled.NextAttemptAt);
        Assert.Equal("HTTP 429", rescheduled.LastError);

        _bed.Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(1, poster.AttemptsOf(item.Id));

        await AdvanceUntilAsync(TimeSpan.FromSeconds(1), item, OutboxState.Delivered);

        Assert.Equal([T0, T0.AddSeconds(30)], poster.Attempts.Select(a => a.At));
    }

    [Fact]
    public async Task Without_retry_after_the_back_off_doubles_from_2_seconds_up_to_5_minutes()
    {
        var (poster, item) = await EnqueueOneAsync(Unavailable);

        var waits = new List<TimeSpan>();
        for (var failures = 1; failures <= 10; failures++)
        {
            var count = failures;
            var wait = await _bed.SleepsUntilRetryAsync(() => FailedAsync(item, count));
            waits.Add(wait);
            if (failures < BackoffSeconds.Length)
            {
                _bed.Clock.Advance(wait);
            }
        }

        Assert.Equal(BackoffSeconds.Select(s => TimeSpan.FromSeconds(s)), waits);
        Assert.Equal(waits.Count, poster.AttemptsOf(item.Id));
        Assert.Equal(OutboxState.Pending, (await _bed.GetAsync(item)).State);
    }

    [Fact]
    public async Task A_permanent_failure_abandons_the_post_and_it_is_not_retried()
    {
        var (poster, item) = await EnqueueOneAsync((_, _) => DeliveryResult.Permanent("channel_not_found"));
        await _bed.IdleAsync(() => IsAsync(item, OutboxState.Abandoned));
        _bed.Clock.Advance(TimeSpan.FromDays(3));
        _bed.Signal.Notify();
        await _bed.IdleAsync(() => Task.FromResult(true));

        Assert.Equal(1, poster.AttemptsOf(item.Id));
        var abandoned = await _bed.GetAsync(item);
        Assert.Equal("channel_not_found", abandoned.LastError);
        Assert.Equal(T0, abandoned.AbandonedAt);
    }

    [Fact]
    public async Task A_post_enqueued_48_hours_ago_that_has_failed_for_a_day_is_abandoned()
    {
        var poster = new FakePoster(ChatPlatform.Slack, _bed.Clock, Unavailable);
        _bed.Start(poster);
        var item = _bed.Item(C1, "r1", enqueuedAt: T0 - TimeSpan.FromHours(48)) with { Attempts = 400 };

        await _bed.EnqueueAsync(item);
        await _bed.IdleAsync(() => IsAsync(item, OutboxState.Abandoned));

        Assert.Equal(1, poster.AttemptsOf(item.Id));
        Assert.Contains("HTTP 503", (await _bed.GetAsync(item)).LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wall_clock_set_back_an_hour_does_not_hold_back_a_retry()
    {
        var (poster, item) = await EnqueueOneAsync(UnavailableAtFirst(1));
        var wait = await _bed.SleepsUntilRetryAsync(() => FailedAsync(item, 1));

        _bed.WallClock.Jump(TimeSpan.FromHours(-1));
        await AdvanceUntilAsync(wait, item, OutboxState.Delivered);

        Assert.Equal(TimeSpan.FromSeconds(2), wait);
        Assert.Equal(2, poster.AttemptsOf(item.Id));
    }

    [Fact]
    public async Task A_wall_clock_set_forward_three_days_does_not_abandon_a_failing_post()
    {
        var (poster, item) = await EnqueueOneAsync(UnavailableAtFirst(2));
        var wait = await _bed.SleepsUntilRetryAsync(() => FailedAsync(item, 1));

        _bed.WallClock.Jump(TimeSpan.FromDays(3));
        _bed.Clock.Advance(wait);
        var second = await _bed.SleepsUntilRetryAsync(() => FailedAsync(item, 2));
        Assert.Equal(OutboxState.Pending, (await _bed.GetAsync(item)).State);
        await AdvanceUntilAsync(second, item, OutboxState.Delivered);

        Assert.Equal(TimeSpan.FromSeconds(4), second);
        Assert.Equal(3, poster.AttemptsOf(item.Id));
    }

    [Fact]
    public async Task After_a_restart_a_wait_stored_before_the_clock_was_set_back_lasts_at_most_the_longest_back_off()
    {
        // Stored by a process whose clock was a day ahead: the post looks due tomorrow.
        var item = _bed.Item(C1, "r1") with { Attempts = 3, NextAttemptAt = T0 + TimeSpan.FromDays(1) };
        await _bed.Store.EnqueueAsync([item], CancellationToken.None);
        var poster = new FakePoster(ChatPlatform.Slack, _bed.Clock);
        _bed.Start(poster);

        var wait = await _bed.SleepsUntilRetryAsync(() => Task.FromResult(true));
        await AdvanceUntilAsync(wait, item, OutboxState.Delivered);

        Assert.Equal(TimeSpan.FromMinutes(5), wait);
    }

    [Fact]
    public async Task A_post_failing_for_48_hours_of_this_process_is_abandoned_though_the_wall_clock_was_set_back_a_day()
    {
        var (poster, item) = await EnqueueOneAsync((_, _) => DeliveryResult.Retry(TimeSpan.FromHours(1), "HTTP 429"));
        await _bed.SleepsUntilRetryAsync(() => FailedAsync(item, 1));
        _bed.WallClock.Jump(TimeSpan.FromDays(-1));

        for (var hour = 1; hour < 48; hour++)
        {
            _bed.Clock.Advance(TimeSpan.FromHours(1));
            var failures = hour + 1;
            await _bed.SleepsUntilRetryAsync(() => FailedAsync(item, failures));
        }

        await AdvanceUntilAsync(TimeSpan.FromHours(1), item, OutboxState.Abandoned);

        Assert.Equal(49, poster.AttemptsOf(item.Id));
    }

    [Fact]
    public async Task A_poster_that_throws_is_retried_with_back_off()
    {
        var (poster, item) = await EnqueueOneAsync(
            (_, attempt) => attempt == 1 ? throw new HttpRequestException("connection refused") : DeliveryResult.Delivered);
        var wait = await _bed.SleepsUntilRetryAsync(() => FailedAsync(item, 1));
        await AdvanceUntilAsync(wait, item, OutboxState.Delivered);

        Assert.Equal(TimeSpan.FromSeconds(2), wait);
        Assert.Contains("connection refused", (await _bed.GetAsync(item)).LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_channel_keeps_its_order_while_its_first_post_is_retrying()
    {
        var first = _bed.Item(C1, "a");
        var second = _bed.Item(C1, "b");
        var other = _bed.Item(C2, "c");
        var poster = new FakePoster(ChatPlatform.Slack, _bed.Clock,
            (item, attempt) => item.Id == first.Id && attempt == 1 ? DeliveryResult.Retry(TimeSpan.FromSeconds(30), "HTTP 429") : DeliveryResult.Delivered);
        _bed.Start(poster);

        await _bed.EnqueueAsync(first, second, other);
        await _bed.SleepsUntilRetryAsync(async () => await FailedAsync(first, 1) && await IsAsync(other, OutboxState.Delivered));

        Assert.Equal(0, poster.AttemptsOf(second.Id));
        Assert.Equal(OutboxState.Pending, (await _bed.GetAsync(second)).State);

        await AdvanceUntilAsync(TimeSpan.FromSeconds(30), second, OutboxState.Delivered);

        var c1 = poster.Attempts.Where(a => a.Id != other.Id).Select(a => a.Id);
        Assert.Equal([first.Id, first.Id, second.Id], c1);
    }

    [Fact]
    public async Task A_new_dispatcher_over_the_same_store_delivers_what_was_pending()
    {
        var failing = new FakePoster(ChatPlatform.Slack, _bed.Clock, Unavailable);
        _bed.Start(failing);
        var retried = _bed.Item(C1, "a");
        await _bed.EnqueueAsync(retried);
        await _bed.SleepsUntilRetryAsync(() => FailedAsync(retried, 1));
        await _bed.StopAsync();
        // Enqueued while no dispatcher ran: no signal reaches the next one, it must find the post itself.
        var neverTried = _bed.Item(C2, "b");
        await _bed.Store.EnqueueAsync([neverTried], CancellationToken.None);

        await using var restarted = new DispatcherTestBed(new InMemoryStoreAndClock(_bed.Store, _bed.Clock));
        var poster = new FakePoster(ChatPlatform.Slack, _bed.Clock);
        restarted.Start(poster);
        var wait = await restarted.SleepsUntilRetryAsync(() => IsAsync(neverTried, OutboxState.Delivered));
        restarted.Clock.Advance(wait);
        await restarted.IdleAsync(() => IsAsync(retried, OutboxState.Delivered));

        Assert.Equal(TimeSpan.FromSeconds(2), wait);
        Assert.Equal(1, poster.AttemptsOf(retried.Id));
        Assert.Equal(1, poster.AttemptsOf(neverTried.Id));
    }

    [Fact]
    public async Task Posts_for_a_platform_without_a_poster_stay_pending_and_untouched()
    {
        var poster = new FakePoster(ChatPlatform.Slack, _bed.Clock);
        _bed.Start(poster);
        var teams = _bed.Item(new ChannelRef(ChatPlatform.Teams, "tenant", "19:abc"), "t1");
        var slack = _bed.Item(C1, "s1");

        await _bed.EnqueueAsync(teams, slack);
        await _bed.IdleAsync(() => IsAsync(slack, OutboxState.Delivered));

        Assert.Equal([slack.Id], poster.Attempts.Select(a => a.Id));
        Assert.Equal(teams, await _bed.GetAsync(teams));
    }

    [Fact]
    public async Task Posts_for_a_platform_whose_poster_is_not_configured_stay_pending_and_it_is_never_called()
    {
        var unconfigured = new FakePoster(ChatPlatform.Teams, _bed.Clock, configured: false);
        var poster = new FakePoster(ChatPlatform.Slack, _bed.Clock);
        _bed.Start(poster, unconfigured);
        var teams = _bed.Item(new ChannelRef(ChatPlatform.Teams, "tenant", "19:abc"), "t1");
        var slack = _bed.Item(C1, "s1");

        await _bed.EnqueueAsync(teams, slack);
        await _bed.IdleAsync(() => IsAsync(slack, OutboxState.Delivered));

        Assert.Empty(unconfigured.Attempts);
        Assert.Equal(teams, await _bed.GetAsync(teams));
    }

    [Fact]
    public async Task Stopping_returns_without_throwing_and_leaves_posts_pending()
    {
        var (_, item) = await EnqueueOneAsync(Unavailable);
        await _bed.SleepsUntilRetryAsync(() => FailedAsync(item, 1));

        await _bed.StopAsync();

        Assert.Equal(OutboxState.Pending, (await _bed.GetAsync(item)).State);
    }
}
