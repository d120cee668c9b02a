
namespace ScribeBot.Core.Tests.Outbox;

public sealed class OutboxItemTests
{
    private static readonly DateTimeOffset Now = CommandTestBed.Start;

    private static readonly OutboxItem Item = OutboxItem.For(
        "r1", [new AnnouncementPost(CommandTestBed.Channel, ChatText.Of("INC-1 declared"))], "T1:1", Now)[0];

    [Fact]
    public void A_new_item_is_pending_and_due_at_once()
    {
        Assert.Equal(OutboxState.Pending, Item.State);
        Assert.Equal(0, Item.Attempts);
        Assert.Equal(Now, Item.NextAttemptAt);
    }

    [Fact]
    public void Delivered_records_when_and_keeps_the_attempt_count()
    {
        var delivered = Item.Delivered(Now.AddSeconds(1));

        Assert.Equal(OutboxState.Delivered, delivered.State);
        Assert.Equal(Now.AddSeconds(1), delivered.DeliveredAt);
        Assert.Equal(0, delivered.Attempts);
    }

    [Fact]
    public void A_failed_attempt_is_counted_and_rescheduled_with_its_error()
    {
        var failed = Item.AttemptFailed(Now.AddSeconds(2), "503").AttemptFailed(Now.AddSeconds(6), "timeout");

        Assert.Equal(OutboxState.Pending, failed.State);
        Assert.Equal(2, failed.Attempts);
        Assert.Equal(Now.AddSeconds(6), failed.NextAttemptAt);
        Assert.Equal("timeout", failed.LastError);
    }

    [Fact]
    public void Abandoned_counts_the_last_attempt_and_keeps_the_item()
    {
        var abandoned = Item.AttemptFailed(Now.AddSeconds(2), "503").Abandoned("channel_not_found", Now.AddSeconds(3));

        Assert.Equal(OutboxState.Abandoned, abandoned.State);
        Assert.Equal(2, abandoned.Attempts);
        Assert.Equal("channel_not_found", abandoned.LastError);
        Assert.Equal(Now.AddSeconds(3), abandoned.AbandonedAt);
    }

    [Fact]
    public void The_next_retry_honours_retry_after_and_never_waits_a_negative_time()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), Item.NextRetryDelay(TimeSpan.FromSeconds(30)));
        Assert.Equal(TimeSpan.Zero, Item.NextRetryDelay(TimeSpan.FromSeconds(-5)));
    }

    [Fact]
    public void Without_retry_after_the_back_off_doubles_from_two_seconds_up_to_five_minutes()
    {
        Assert.Equal(TimeSpan.FromSeconds(2), Item.NextRetryDelay(null));
        Assert.Equal(TimeSpan.FromSeconds(4), (Item with { Attempts = 1 }).NextRetryDelay(null));
        Assert.Equal(TimeSpan.FromSeconds(8), (Item with { Attempts = 2 }).NextRetryDelay(null));
        Assert.Equal(TimeSpan.FromMinutes(5), (Item with { Attempts = 40 }).NextRetryDelay(null));
    }
}
