using ScribeBot.Core.Paging;

namespace ScribeBot.Alerts;

/// <summary>The port's one implementation: the core's <see cref="PageIntake"/>, which routes and records.</summary>
internal sealed class PageIntakeReceiver(PageIntake intake) : IPageReceiver
{
    public Task<PageIntakeResult> ReceiveAsync(IReadOnlyList<PageEvent> pages, CancellationToken cancellationToken) =>
        intake.ReceiveAsync(pages, cancellationToken);
}
