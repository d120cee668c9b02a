using ScribeBot.Alerts;
using ScribeBot.Core.Paging;

namespace ScribeBot.Testing.Alerts;

/// <summary>
/// Stands in for the core's intake behind the alert endpoints: keeps every page it is handed and answers with
/// <see cref="Answer"/> (by default, all recorded), so a test sees exactly what an endpoint read.
/// </summary>
public sealed class RecordingPageReceiver : IPageReceiver
{
    private readonly ConcurrentQueue<PageEvent> _pages = new();
    private int _calls;

    public IReadOnlyList<PageEvent> Pages => [.. _pages];

    public int Calls => _calls;

    /// <summary>What to answer for a batch; null: every page recorded.</summary>
    public Func<IReadOnlyList<PageEvent>, PageIntakeResult>? Answer { get; set; }

    public Task<PageIntakeResult> ReceiveAsync(IReadOnlyList<PageEvent> pages, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        foreach (var page in pages)
        {
            _pages.Enqueue(page);
        }

        return Task.FromResult(Answer?.Invoke(pages) ?? new PageIntakeResult(pages.Count, 0, 0));
    }
}
