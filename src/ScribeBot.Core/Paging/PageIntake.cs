namespace ScribeBot.Core.Paging;

/// <summary>Placeholder: the core's intake of pages (routing, then recording on the route's channel).</summary>
public sealed class PageIntake
{
    /// <summary>
    /// Routes and records each page, in order; durable when the task completes, so the adapter answers the source
    /// only after it. A page no route matches is counted and kept nowhere.
    /// </summary>
    public Task<PageIntakeResult> ReceiveAsync(IReadOnlyList<PageEvent> pages, CancellationToken cancellationToken) =>
        throw new NotImplementedException();
}
