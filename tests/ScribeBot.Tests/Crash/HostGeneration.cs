namespace ScribeBot.Tests.Crash;

/// <summary>One life of the host process, from its start to its SIGKILL, and the acknowledgements it gave.</summary>
internal sealed class HostGeneration(int number, HostProcess process, Uri baseAddress)
{
    private readonly TaskCompletionSource _firstAck = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _acks;
    private volatile bool _killed;

    public int Number { get; } = number;

    public HostProcess Process { get; } = process;

    public Uri BaseAddress { get; } = baseAddress;

    public int Acks => Volatile.Read(ref _acks);

    /// <summary>Set before the SIGKILL: a request that fails from then on failed because of it, and waits for the next life.</summary>
    public bool Killed => _killed;

    /// <summary>Completes at this life's first 200.</summary>
    public Task FirstAck => _firstAck.Task;

    public void Acknowledged()
    {
        if (Interlocked.Increment(ref _acks) == 1)
        {
            _firstAck.TrySetResult();
        }
    }

    public async Task KillAsync(CancellationToken cancellationToken)
    {
        _killed = true;
        await Process.KillAsync(cancellationToken);
    }
}
