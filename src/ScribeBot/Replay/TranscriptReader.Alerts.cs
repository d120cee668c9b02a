using System.Text.Json;
using ScribeBot.Core.Links;
using ScribeBot.Core.Paging;
using ScribeBot.Core.Text;

namespace ScribeBot.Replay;

/// <summary>The transcript's optional <c>alerts</c> list: the pager's events, each checked as strictly as a message.</summary>
internal static partial class TranscriptReader
{
    /// <summary>The on-call actions by the names a transcript writes (Alertmanager's "firing" too).</summary>
    private static readonly Dictionary<string, PageAction> AlertActions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["triggered"] = PageAction.Triggered,
        ["firing"] = PageAction.Triggered,
        ["acknowledged"] = PageAction.Acknowledged,
        ["unacknowledged"] = PageAction.Unacknowledged,
        ["escalated"] = PageAction.Escalated,
        ["reassigned"] = PageAction.Reassigned,
        ["annotated"] = PageAction.Annotated,
        ["priority_updated"] = PageAction.PriorityUpdated,
        ["reopened"] = PageAction.Reopened,
        ["resolved"] = PageAction.Resolved,
    };

    private static List<TranscriptAlert> ReadAlerts(JsonElement root)
    {
        if (!root.TryGetProperty("alerts", out var alerts) || alerts.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (alerts.ValueKind != JsonValueKind.Array)
        {
            throw new TranscriptFormatException($"\"alerts\" must be an array of {{ \"at\", \"source\", \"action\", \"alertId\", \"title\" ... }}, not {Describe(alerts.ValueKind)}.");
        }

        var read = new List<(TranscriptAlert Alert, bool FiredAtGiven)>();
        foreach (var alert in alerts.EnumerateArray())
        {
            read.Add(ReadAlert(alert, read.Count));
        }

        // An event after the trigger runs its clock from the trigger, as the pager's own payload says.
        var fired = read.Select(r => r.Alert).Where(a => a.Action == PageAction.Triggered)
            .GroupBy(a => (a.Source, a.AlertId))
            .ToDictionary(g => g.Key, g => g.MinBy(a => a.At)!);
        return [.. read.Select(r => r.FiredAtGiven ? r.Alert : WithTrigger(r.Alert, fired.GetValueOrDefault((r.Alert.Source, r.Alert.AlertId))))];
    }

    private static (TranscriptAlert Alert, bool FiredAtGiven) ReadAlert(JsonElement alert, int index)
    {
        var where = $"alert {index + 1}";
        if (alert.ValueKind != JsonValueKind.Object)
        {
            throw new TranscriptFormatException($"{where} is not a JSON object.");
        }

        var at = ReadInstant(alert, "at", where);
        var sourceName = RequiredString(alert, "source", where);
        if (!PageSourceNames.TryParse(sourceName, out var source))
        {
            throw new TranscriptFormatException(
                $"{where}, field \"source\": '{TextShortener.Shorten(sourceName)}' is not one of pagerduty, opsgenie, alertmanager, grafana.");
        }

        var actionName = RequiredString(alert, "action", where);
        if (!AlertActions.TryGetValue(actionName.Trim(), out var action))
        {
            throw new TranscriptFormatException(
                $"{where}, field \"action\": '{TextShortener.Shorten(actionName)}' is not one of {string.Join(", ", AlertActions.Keys)}.");
        }

        var url = OptionalString(alert, "url", where);
        if (url is not null && !SafeLink.IsWebAddress(url))
        {
            throw new TranscriptFormatException($"{where}, field \"url\": '{TextShortener.Shorten(url)}' is not an http or https address.");
        }

        var triggeredAt = alert.TryGetProperty("triggeredAt", out var given) && given.ValueKind != JsonValueKind.Null
            ? ReadInstant(alert, "triggeredAt", where)
            : (DateTimeOffset?)null;
        if (triggeredAt > at)
        {
            throw new TranscriptFormatException($"{where}, field \"triggeredAt\": the page fired at {triggeredAt:u}, after this event at {at:u}.");
        }

        var read = new TranscriptAlert(index, at, source, action, RequiredString(alert, "alertId", where), RequiredString(alert, "title", where))
        {
            TriggeredAt = triggeredAt ?? at,
            Service = OptionalString(alert, "service", where),
            Priority = OptionalString(alert, "priority", where),
            Actor = OptionalString(alert, "actor", where),
            Detail = OptionalString(alert, "detail", where),
            Url = url,
        };
        return (read, triggeredAt is not null);
    }

    private static TranscriptAlert WithTrigger(TranscriptAlert alert, TranscriptAlert? trigger)
    {
        if (trigger is null || ReferenceEquals(trigger, alert))
        {
            return alert;
        }

        if (trigger.TriggeredAt > alert.At)
        {
            throw new TranscriptFormatException(
                $"alert {alert.Number}, field \"at\": this event ({alert.At:u}) comes before its page fired (alert {trigger.Number}, {trigger.TriggeredAt:u}).");
        }

        return alert with { TriggeredAt = trigger.TriggeredAt };
    }
}
