namespace ScribeBot.LiteDb.Writing;

internal sealed class WriteOperation<T> : WriteOperation
{
    private readonly Func<WriteSession, T> _apply;
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenRegistration _registration;
    private readonly ITimer _deadline;
    private readonly TimeSpan _timeout;
    private T _result = default!;

    /// <param name="timeout">
    /// The caller is failed with a <see cref="TimeoutException"/> when the operation has not finished by then, whatever
    /// the writer is doing: a hung disk or a stuck writer must not hold a platform request (or a health probe) forever.
    /// A write that still commits afterwards is harmless: the caller was told it failed, and the platform's redelivery
    /// finds it stored (writes are keyed by message id).
    /// </param>
    public WriteOperation(
        Func<WriteSession, T> apply, bool isMaintenance, TimeProvider timeProvider, TimeSpan timeout, CancellationToken cancellationToken)
    {
        _apply = apply;
        _timeout = timeout;
        IsMaintenance = isMaintenance;
        if (cancellationToken.CanBeCanceled)
        {
            _registration = cancellationToken.UnsafeRegister(
                static (state, token) =>
                {
                    var operation = (WriteOperation<T>)state!;
                    if (operation.TryCancel())
                    {
                        operation.Finished();
                        operation._completion.TrySetCanceled(token);
                    }
                },
                this);
        }

        _deadline = timeProvider.CreateTimer(static state => ((WriteOperation<T>)state!).Expire(), this, timeout, Timeout.InfiniteTimeSpan);
    }

    public override bool IsMaintenance { get; }

    public override bool IsFinished => _completion.Task.IsCompleted;

    public Task<T> Task => _completion.Task;

    public override void Apply(WriteSession session)
    {
        _result = _apply(session);
        session.EndOperation();
    }

    public override void Complete()
    {
        Finished();
        _completion.TrySetResult(_result);
    }

    public override void Fail(Exception exception)
    {
        Finished();
        _completion.TrySetException(exception);
    }

    private void Expire()
    {
        // Not yet taken: the writer will skip it. Taken: it may still commit, which the caller no longer waits for.
        TryCancel();
        Finished();
        _completion.TrySetException(new TimeoutException(
            $"The store did not finish this {(IsMaintenance ? "read" : "write")} within {_timeout.TotalSeconds:0.###} s (Storage:LiteDb:WriteTimeout)."));
    }

    private void Finished()
    {
        _registration.Unregister();
        _deadline?.Dispose();
    }
}
