namespace ScribeBot.Testing;

/// <summary>
/// One outage of a fake platform: the answer it gives every request (null: silence, each request held unanswered),
/// from when it counts, and its end, which drops the held requests.
/// </summary>
internal sealed class FakeOutage<TAnswer>(TAnswer? answer, int from)
    where TAnswer : class
{
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TAnswer? Answer { get; } = answer;

    /// <summary>The outage counts once the fake has taken this many posts.</summary>
    public int From { get; } = from;

    public void End() => _ended.TrySetResult();

    /// <summary>Until the outage ends or the client hangs up, whichever comes first.</summary>
    public async Task HoldAsync(CancellationToken clientGone)
    {
        try
        {
            await _ended.Task.WaitAsync(clientGone);
        }
        catch (OperationCanceledException)
        {
            // The client timed out (or its host stopped): what a silent platform sees too.
        }
    }
}
