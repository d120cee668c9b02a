using ScribeBot.Core.Storage;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Postgres.Writing;

/// <summary>
/// One caller's append waiting for its batch: the entry, its document (serialised on the caller's thread, so the
/// writers only send), and the task the caller awaits, completed only after the batch that holds it committed.
/// </summary>
internal sealed class PendingAppend(TimelineEntry entry, string document, CancellationToken cancellationToken)
{
    private readonly TaskCompletionSource<AppendResult> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TimelineEntry Entry { get; } = entry;

    public string Document { get; } = document;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public Task<AppendResult> Result => _result.Task;

    public bool IsFinished => _result.Task.IsCompleted;

    public void Complete(AppendResult result) => _result.TrySetResult(result);

    public void Fail(Exception exception) => _result.TrySetException(exception);

    public void Cancel() => _result.TrySetCanceled(CancellationToken);
}
