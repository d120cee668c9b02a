namespace ScribeBot.LiteDb.Writing;

/// <summary>
/// One caller's queued write. The writer loop takes it (after which cancellation no longer applies), applies it
/// inside the batch transaction, and completes it only after the commit.
/// </summary>
internal abstract class WriteOperation
{
    private const int Pending = 0;
    private const int Taken = 1;
    private const int Cancelled = 2;

    private int _state;

    /// <summary>Runs on the writer thread after the batch commit, outside any transaction (checkpoints).</summary>
    public virtual bool IsMaintenance => false;

    public abstract bool IsFinished { get; }

    /// <summary>False when the caller cancelled first: the loop then skips the operation.</summary>
    public bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Pending) == Pending;

    protected bool TryCancel() => Interlocked.CompareExchange(ref _state, Cancelled, Pending) == Pending;

    /// <summary>Does the work inside the current transaction; may run again (alone) when its batch had to be retried.</summary>
    public abstract void Apply(WriteSession session);

    public abstract void Complete();

    public abstract void Fail(Exception exception);
}
