using ScribeBot.Core.Followups;

namespace ScribeBot.Core.Tests.Followups;

/// <summary>
/// A tracker that only reads states, counting the reads: each key's state as set (null or not set: a failure); with
/// <see cref="Hang"/>, never, ignoring cancellation; with <see cref="Held"/>, once it completes.
/// </summary>
internal sealed class StubFollowupTracker : Dictionary<string, FollowupState?>, IFollowupTracker
{
    private int _reads;

    public bool Hang { get; init; }

    public TaskCompletionSource? Held { get; init; }

    public TaskCompletionSource Asked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Reads => Volatile.Read(ref _reads);

    public string Tracker => "github";

    public string Name => "GitHub";

    public string Target => "octo/app";

    public IReadOnlyList<string> Labels => [];

    public string? AssigneeFor(string owner) => null;

    public Task<TrackerResult<IReadOnlyDictionary<string, FollowupLink>>> FindAsync(
        string incidentLabel, IReadOnlyCollection<string> markers, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<TrackerResult<FollowupLink>> CreateAsync(FollowupIssue issue, CancellationToken cancellationToken) => throw new NotSupportedException();

    public async Task<TrackerResult<FollowupState>> ReadStateAsync(string issueKey, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);
        Asked.TrySetResult();
        if (Hang)
        {
            await new TaskCompletionSource().Task;
        }

        if (Held is not null)
        {
            await Held.Task.WaitAsync(cancellationToken);
        }

        return TryGetValue(issueKey, out var known) && known is { } state
            ? new TrackerResult<FollowupState>(state)
            : new TrackerResult<FollowupState>(TrackerFailure.Transient("down"));
    }
}
