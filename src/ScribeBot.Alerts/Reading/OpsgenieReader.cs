using System.Globalization;
using ScribeBot.Core.Paging;

namespace ScribeBot.Alerts.Reading;

/// <summary>
/// Reads an Opsgenie outgoing webhook (the Webhook integration): an <c>action</c> and the alert it was done to. The
/// actions of the on-call flow map onto ours; others (TakeOwnership, AddTags, Delete...) are ignored. Opsgenie's times
/// are Unix numbers: <c>createdAt</c> in milliseconds, <c>updatedAt</c> in nanoseconds (above 2^53, so read as a
/// whole number, never through a double).
/// </summary>
internal static class OpsgenieReader
{
    private static readonly long MaxTicks = DateTimeOffset.MaxValue.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;

    private static readonly Dictionary<string, PageAction> Actions = new(StringComparer.Ordinal)
    {
        ["Create"] = PageAction.Triggered,
        ["Acknowledge"] = PageAction.Acknowledged,
        ["UnAcknowledge"] = PageAction.Unacknowledged,
        ["AddNote"] = PageAction.Annotated,
        ["Escalate"] = PageAction.Escalated,
        ["Close"] = PageAction.Resolved,
    };

    public static AlertRead Read(PayloadNode body, DateTimeOffset receivedAt)
    {
        var actionName = body.String("action");
        if (!Actions.TryGetValue(actionName, out var action))
        {
            return AlertRead.Ignore("action " + PageText.Label(actionName));
        }

        var alert = body.Object("alert");
        var alertId = PageText.Id(alert.String("alertId"), "alert.alertId");
        var updatedAt = alert.OptionalInteger("updatedAt");
        var at = FromTicks(updatedAt / 100) ?? receivedAt;
        var teams = alert.OptionalStrings("teams").ToList();
        var page = new PageEvent
        {
            Source = PageSource.Opsgenie,
            Action = action,
            AlertId = alertId,
            EventId = $"{alertId}/{actionName}/{EventTime(body, updatedAt, at)}",
            At = at,
            TriggeredAt = FromMilliseconds(alert.OptionalInteger("createdAt")) ?? at,
            Title = PageText.Title(PageText.First(alert.OptionalString("message"), alert.OptionalString("alias"))) ?? $"Opsgenie alert {alertId}",
            // The entity is what the alert is about; a team is the next best name for it; the source (often a person
            // or a tool) the last.
            Service = PageText.Title(PageText.First(alert.OptionalString("entity"), teams.FirstOrDefault(), alert.OptionalString("source"))),
            Actor = PageText.Title(alert.OptionalString("username")),
            Priority = PriorityOf(alert.OptionalScalar("priority")),
            Detail = action switch
            {
                PageAction.Annotated => PageText.Text(alert.OptionalString("note")),
                PageAction.Escalated => EscalatedTo(body),
                PageAction.Triggered => PageText.Text(alert.OptionalString("description")),
                _ => null,
            },
            Labels =
            [
                .. teams.Select(team => new PageLabel("team", PageText.Label(team))),
                .. alert.OptionalStrings("tags").Select(tag => new PageLabel("tag", PageText.Label(tag))),
            ],
        };
        return AlertRead.Of([page]);
    }

    /// <summary>
    /// What tells one delivery of an action from the next: the alert's <c>updatedAt</c>, or for an escalation (whose
    /// payload carries no alert times) the escalation and its repeat. Without either the receive time, so a retry of
    /// such an event is not recognised as one.
    /// </summary>
    private static string EventTime(PayloadNode body, long? updatedAt, DateTimeOffset at) =>
        updatedAt?.ToString(CultureInfo.InvariantCulture)
        ?? (body.OptionalString("escalationId") is { Length: > 0 } escalation
            ? $"{PageText.Id(escalation, "escalationId")}:{body.OptionalInteger("repeatCount") ?? 0}"
            : at.UtcTicks.ToString(CultureInfo.InvariantCulture));

    private static string? EscalatedTo(PayloadNode body)
    {
        var notified = body.OptionalObject("escalationNotify")?.OptionalString("name");
        var escalation = body.OptionalString("escalationName");
        return PageText.Text(notified + (string.IsNullOrWhiteSpace(escalation) ? "" : $" (escalation {escalation})"));
    }

    /// <summary>Opsgenie's P1..P5, which a payload gives as "P3" or as 3.</summary>
    private static string? PriorityOf(string? priority) =>
        priority is { Length: 1 } digit && char.IsAsciiDigit(digit[0]) ? "P" + digit : PageText.Title(priority);

    private static DateTimeOffset? FromMilliseconds(long? milliseconds) =>
        milliseconds > 0 && milliseconds <= MaxTicks / TimeSpan.TicksPerMillisecond ? FromTicks(milliseconds * TimeSpan.TicksPerMillisecond) : null;

    /// <summary>Ticks since the Unix epoch; null when absent or outside what a date holds.</summary>
    private static DateTimeOffset? FromTicks(long? ticks) =>
        ticks > 0 && ticks <= MaxTicks ? DateTimeOffset.UnixEpoch.AddTicks(ticks.Value) : null;
}
