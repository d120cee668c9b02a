namespace ScribeBot.Tests.Crash;

/// <summary>The host's current life, and a way to wait for the one after a given life (what a retry is sent to).</summary>
internal sealed class HostLives
{
    private readonly Lock _lock = new();
    private HostGeneration? _current;
    private TaskCompletionSource<HostGeneration> _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public HostGeneration Current => Volatile.Read(ref _current) ?? throw new InvalidOperationException("The host has not started.");

    public Task<HostGeneration> AfterAsync(HostGeneration generation)
    {
        lock (_lock)
        {
            return _current != generation ? Task.FromResult(_current!) : _next.Task;
        }
    }

    public void Publish(HostGeneration generation)
    {
        TaskCompletionSource<HostGeneration> waiting;
        lock (_lock)
        {
            Volatile.Write(ref _current, generation);
            waiting = _next;
            _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        waiting.SetResult(generation);
    }
}
