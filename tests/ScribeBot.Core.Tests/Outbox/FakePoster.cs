namespace ScribeBot.Core.Tests.Outbox;

/// <summary>A poster that answers from a script and records every attempt with the fake clock's time.</summary>
internal sealed class FakePoster(
    ChatPlatform platform, TimeProvider clock, Func<OutboxItem, int, DeliveryResult>? script = null, bool configured = true) : IChannelPoster
{
    private readonly Lock _lock = new();
    private readonly List<(string Id, DateTimeOffset At)> _attempts = [];

    public ChatPlatform Platform => platform;

    public bool IsConfigured => configured;

    /// <summary>Every attempt, in the order the dispatcher made them.</summary>
    public IReadOnlyList<(string Id, DateTimeOffset At)> Attempts
    {
        get
        {
            lock (_lock)
            {
                return [.. _attempts];
            }
        }
    }

    public int AttemptsOf(string id) => Attempts.Count(a => a.Id == id);

    public Task<DeliveryResult> DeliverAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        int attempt;
        lock (_lock)
        {
            _attempts.Add((item.Id, clock.GetUtcNow()));
            attempt = _attempts.Count(a => a.Id == item.Id);
        }

        return Task.FromResult(script?.Invoke(item, attempt) ?? DeliveryResult.Delivered);
    }
}
