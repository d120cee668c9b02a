using ScribeBot.Core.Channels;

namespace ScribeBot.Core.Paging;

/// <summary>Who a page's events are recorded as: the source itself, or the person the source names as acting.</summary>
internal static class PagePeople
{
    /// <summary>The pager itself ("PagerDuty"): it detected the problem and, with <c>Declare</c>, declared the incident.</summary>
    public static Person Source(PageSource source) => new($"{source.ToName()}:", source.ToLabel());

    /// <summary>
    /// The person the source says acted, keyed under the source so no chat user's id can collide with it; the source
    /// itself when it names nobody (an automatic escalation, an Alertmanager resolution).
    /// </summary>
    public static Person Actor(PageEvent page) =>
        page.Actor is { Length: > 0 } actor
            ? new Person($"{page.Source.ToName()}:{actor}", actor)
            : Source(page.Source);
}
