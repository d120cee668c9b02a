using ScribeBot.Core.Paging;

namespace ScribeBot.Alerts.Reading;

/// <summary>
/// Reads a PagerDuty Webhooks V3 delivery: one event, whose <c>data</c> is the incident or, for a note, an
/// <c>incident_note</c> that only references its incident. Incident events map onto the shared on-call actions; any
/// other event type (a ping, a service change) is ignored. An event older or newer than the allowed age is refused:
/// the signature covers no time, so <c>occurred_at</c> is all that tells a replay from a retry.
/// </summary>
internal static class PagerDutyReader
{
    private static readonly Dictionary<string, PageAction> Actions = new(StringComparer.Ordinal)
    {
        ["incident.triggered"] = PageAction.Triggered,
        ["incident.acknowledged"] = PageAction.Acknowledged,
        ["incident.unacknowledged"] = PageAction.Unacknowledged,
        ["incident.escalated"] = PageAction.Escalated,
        ["incident.reassigned"] = PageAction.Reassigned,
        ["incident.annotated"] = PageAction.Annotated,
        ["incident.priority_updated"] = PageAction.PriorityUpdated,
        ["incident.reopened"] = PageAction.Reopened,
        ["incident.resolved"] = PageAction.Resolved,
    };

    public static AlertRead Read(PayloadNode body, DateTimeOffset receivedAt, TimeSpan maxAge)
    {
        var @event = body.Object("event");
        var eventId = PageText.Id(@event.String("id"), "event.id");
        var eventType = @event.String("event_type");
        var occurredAt = @event.Instant("occurred_at");
        if ((receivedAt - occurredAt).Duration() > maxAge)
        {
            return AlertRead.Refuse($"event occurred at {occurredAt:u}, further than {maxAge} from now");
        }

        if (!Actions.TryGetValue(eventType, out var action))
        {
            return AlertRead.Ignore("event type " + PageText.Label(eventType));
        }

        var page = new PageEvent
        {
            Source = PageSource.PagerDuty,
            Action = action,
            AlertId = "",
            EventId = eventId,
            At = occurredAt,
            // Replaced from the incident's created_at where the payload has it (older payloads and notes do not).
            TriggeredAt = occurredAt,
            Title = "",
            Actor = PageText.Title(@event.OptionalObject("agent")?.OptionalString("summary")),
        };
        var data = @event.Object("data");
        return AlertRead.Of([action == PageAction.Annotated ? Note(page, data) : Incident(page, data)]);
    }

    private static PageEvent Incident(PageEvent page, PayloadNode incident)
    {
        var id = PageText.Id(incident.String("id"), "event.data.id");
        var service = incident.OptionalObject("service");
        var policy = incident.OptionalObject("escalation_policy");
        return page with
        {
            AlertId = id,
            TriggeredAt = incident.OptionalInstant("created_at") ?? page.TriggeredAt,
            Title = PageText.Title(incident.OptionalString("title")) ?? $"PagerDuty incident {id}",
            Service = PageText.Title(service?.OptionalString("summary")),
            Url = PageText.Url(incident.OptionalString("html_url")),
            Priority = PageText.Title(PageText.First(incident.OptionalObject("priority")?.OptionalString("summary"), incident.OptionalString("urgency"))),
            Detail = DetailOf(page.Action, incident, policy),
            Labels = [.. Labels(service, policy, incident.OptionalArray("teams"))],
        };
    }

    /// <summary>A note names its incident by reference only: no service or policy to route by, so its incident's page carries it.</summary>
    private static PageEvent Note(PageEvent page, PayloadNode note)
    {
        var incident = note.Object("incident");
        var id = PageText.Id(incident.String("id"), "event.data.incident.id");
        return page with
        {
            AlertId = id,
            Title = PageText.Title(incident.OptionalString("summary")) ?? $"PagerDuty incident {id}",
            Url = PageText.Url(incident.OptionalString("html_url")),
            Detail = PageText.Text(note.OptionalString("content")),
        };
    }

    /// <summary>Whom an escalation or reassignment went to (PagerDuty's webhook names no escalation level), or the new priority.</summary>
    private static string? DetailOf(PageAction action, PayloadNode incident, PayloadNode? policy) => action switch
    {
        PageAction.Escalated or PageAction.Reassigned => PageText.Text(string.Join(", ", Assignees(incident))
            + (policy?.OptionalString("summary") is { Length: > 0 } name ? $" (escalation policy {name})" : "")),
        PageAction.PriorityUpdated => PageText.Title(incident.OptionalObject("priority")?.OptionalString("summary")) ?? "no priority",
        _ => null,
    };

    private static IEnumerable<string> Assignees(PayloadNode incident) =>
        incident.OptionalArray("assignees")
            .Select(assignee => assignee.OptionalString("summary"))
            .OfType<string>();

    private static IEnumerable<PageLabel> Labels(PayloadNode? service, PayloadNode? policy, IEnumerable<PayloadNode> teams)
    {
        if (service?.OptionalString("id") is { Length: > 0 } serviceId)
        {
            yield return new("service", PageText.Label(serviceId));
        }

        if (service?.OptionalString("summary") is { Length: > 0 } serviceName)
        {
            yield return new("service_name", PageText.Label(serviceName));
        }

        if (policy?.OptionalString("id") is { Length: > 0 } policyId)
        {
            yield return new("escalation_policy", PageText.Label(policyId));
        }

        foreach (var team in teams)
        {
            if (team.OptionalString("id") is { Length: > 0 } teamId)
            {
                yield return new("team", PageText.Label(teamId));
            }
        }
    }
}
