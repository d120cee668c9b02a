namespace ScribeBot.LiteDb.Writing;

internal sealed class WriteOperation<T> : WriteOperation
{
    private readonly Func<WriteSession, T> _apply;
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenRegistration _registration;
    private T _result = default!;

    public WriteOperation(Func<WriteSession, T> apply, bool isMaintenance, CancellationToken cancellationToken)
    {
        _apply = apply;
        IsMaintenance = isMaintenance;
        if (cancellationToken.CanBeCanceled)
        {
            _registration = cancellationToken.UnsafeRegister(
                static (state, token) =>
                {
                    var operation = (WriteOperation<T>)state!;
                    if (operation.TryCancel())
                    {
                        operation._completion.TrySetCanceled(token);
                    }
                },
                this);
        }
    }

    public override bool IsMaintenance { get; }

    public override bool IsFinished => _completion.Task.IsCompleted;

    public Task<T> Task => _completion.Task;

    public override void Apply(WriteSession session) => _result = _apply(session);

    public override void Complete()
    {
        _registration.Unregister();
        _completion.TrySetResult(_result);
    }

    public override void Fail(Exception exception)
    {
        _registration.Unregister();
        _completion.TrySetException(exception);
    }
}
