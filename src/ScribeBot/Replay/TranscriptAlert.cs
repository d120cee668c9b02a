using System.Globalization;
using ScribeBot.Core.Paging;

namespace ScribeBot.Replay;

/// <summary>
/// One event of a page in a transcript's <c>alerts</c> list, as a pager adapter would have read it from the source's
/// webhook. <see cref="Index"/> is its position in the list, from 0; <see cref="TriggeredAt"/> is the file's
/// <c>triggeredAt</c>, else the time of the alert's <c>triggered</c> item, else its own <see cref="At"/>.
/// </summary>
internal sealed record TranscriptAlert(int Index, DateTimeOffset At, PageSource Source, PageAction Action, string AlertId, string Title)
{
    public DateTimeOffset TriggeredAt { get; init; }

    public string? Service { get; init; }

    public string? Priority { get; init; }

    public string? Actor { get; init; }

    public string? Detail { get; init; }

    public string? Url { get; init; }

    /// <summary>How errors name it: counting from 1, as the messages are counted.</summary>
    public int Number => Index + 1;

    /// <summary>
    /// The page event the intake records. A transcript has no event ids, so the event is keyed by the alert, action
    /// and time: a line written twice is one event delivered twice, and applied once.
    /// </summary>
    public PageEvent ToPage() => new()
    {
        Source = Source,
        Action = Action,
        AlertId = AlertId,
        EventId = $"{AlertId}/{Action}@{At.ToString("O", CultureInfo.InvariantCulture)}",
        At = At,
        TriggeredAt = TriggeredAt,
        Title = Title,
        Service = Service,
        Priority = Priority,
        Actor = Actor,
        Detail = Detail,
        Url = Url,
    };
}
