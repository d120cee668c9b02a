using ScribeBot.Core.Paging;

namespace ScribeBot.Alerts;

/// <summary>
/// Where the endpoints hand the pages they read: the adapter's one port into the core. Answered only once the pages
/// are durable, so the source is told 200 only for what is kept (and retries anything else).
/// </summary>
public interface IPageReceiver
{
    Task<PageIntakeResult> ReceiveAsync(IReadOnlyList<PageEvent> pages, CancellationToken cancellationToken);
}
