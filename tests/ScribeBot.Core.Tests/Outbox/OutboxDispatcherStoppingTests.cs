using ScribeBot.Testing.Storage;
using static ScribeBot.Core.Tests.Outbox.DispatcherTestBed;

namespace ScribeBot.Core.Tests.Outbox;

/// <summary>
/// The host stops while a post is with the platform, and the platform's answer comes back after the stop began: the
/// answer must still be stored, or the next host posts again what was accepted, or ignores the Retry-After it was told.
/// </summary>
public sealed class OutboxDispatcherStoppingTests
{
    public static TheoryData<string> Answers => ["delivered", "retry after 30 s"];

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task An_answer_that_arrives_while_the_host_is_stopping_is_still_recorded(string answer)
    {
        await using var bed = new DispatcherTestBed();
        var store = new CancellableWrites(bed.Store);
        var poster = new AnswersAfterTheStopBegan();
        using var stop = new CancellationTokenSource();
        var dispatcher = new OutboxDispatcher(store, [poster], bed.Signal, bed.Clock, NullLogger<OutboxDispatcher>.Instance);
        var item = bed.Item(C1, "r1");
        await bed.Store.EnqueueAsync([item], CancellationToken.None);
        var run = dispatcher.RunAsync(stop.Token);

        await poster.Sending.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        poster.Answer.SetResult(answer == "delivered" ? DeliveryResult.Delivered : DeliveryResult.Retry(TimeSpan.FromSeconds(30), "429"));
        await run.WaitAsync(TimeSpan.FromSeconds(30));

        var stored = await bed.GetAsync(item);
        if (answer == "delivered")
        {
            Assert.Equal(OutboxState.Delivered, stored.State);
        }
        else
        {
            Assert.Equal(OutboxState.Pending, stored.State);
            Assert.Equal(1, stored.Attempts);
            Assert.Equal(T0 + TimeSpan.FromSeconds(30), stored.NextAttemptAt);
        }
    }

    /// <summary>A platform whose answer the test releases; the request itself was already on the wire, so it ignores the stop.</summary>
    private sealed class AnswersAfterTheStopBegan : IChannelPoster
    {
        public TaskCompletionSource Sending { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<DeliveryResult> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ChatPlatform Platform => ChatPlatform.Slack;

        public bool IsConfigured => true;

        public Task<DeliveryResult> DeliverAsync(OutboxItem item, CancellationToken cancellationToken)
        {
            Sending.TrySetResult();
            return Answer.Task;
        }
    }

    /// <summary>The in-memory store, refusing a write whose token is already cancelled, as the LiteDB writer does.</summary>
    private sealed class CancellableWrites(InMemoryIncidentStore inner) : DelegatingOutboxStore(inner)
    {
        public override Task EnqueueAsync(IReadOnlyList<OutboxItem> items, CancellationToken cancellationToken) =>
            Write(cancellationToken) ?? base.EnqueueAsync(items, cancellationToken);

        public override Task MarkDeliveredAsync(string id, DateTimeOffset at, CancellationToken cancellationToken) =>
            Write(cancellationToken) ?? base.MarkDeliveredAsync(id, at, cancellationToken);

        public override Task RescheduleAsync(string id, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken) =>
            Write(cancellationToken) ?? base.RescheduleAsync(id, nextAttemptAt, error, cancellationToken);

        public override Task AbandonAsync(string id, string error, DateTimeOffset at, CancellationToken cancellationToken) =>
            Write(cancellationToken) ?? base.AbandonAsync(id, error, at, cancellationToken);

        private static Task? Write(CancellationToken cancellationToken) =>
            cancellationToken.IsCancellationRequested ? Task.FromCanceled(cancellationToken) : null;
    }
}
