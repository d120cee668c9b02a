using ScribeBot.Core.Paging;

namespace ScribeBot.Alerts.Reading;

/// <summary>What reading a webhook came to, which the endpoint answers: pages to hand on, or why there are none.</summary>
internal sealed record AlertRead(AlertReadOutcome Outcome, IReadOnlyList<PageEvent> Pages, string Reason)
{
    public static AlertRead Of(IReadOnlyList<PageEvent> pages) => new(AlertReadOutcome.Pages, pages, "");

    /// <summary>A genuine event that is no page (a PagerDuty ping, an Opsgenie action we do not follow): 200, nothing kept.</summary>
    public static AlertRead Ignore(string reason) => new(AlertReadOutcome.Ignored, [], reason);

    /// <summary>Not the source's webhook: 400 with the reason.</summary>
    public static AlertRead Malformed(string reason) => new(AlertReadOutcome.Malformed, [], reason);

    /// <summary>Authentic but not to be trusted now (a replayed PagerDuty event): 401, as if unsigned.</summary>
    public static AlertRead Refuse(string reason) => new(AlertReadOutcome.Refused, [], reason);
}

internal enum AlertReadOutcome
{
    Pages,
    Ignored,
    Malformed,
    Refused,
}
