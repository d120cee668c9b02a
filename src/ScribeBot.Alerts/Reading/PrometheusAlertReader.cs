using System.Globalization;
using ScribeBot.Core.Paging;

namespace ScribeBot.Alerts.Reading;

/// <summary>
/// Reads the grouped-alerts webhook that Prometheus Alertmanager (version 4) sends and Grafana Alerting's webhook
/// contact point copies: one page per alert of the group, firing or resolved. An alert is identified by its
/// fingerprint and start, so each firing is its own page and one that fires again later is a new page; its status
/// completes the event id, so Alertmanager's repeated notifications of the same state are duplicates.
/// </summary>
internal static class PrometheusAlertReader
{
    /// <summary>Go's zero time, which an alert still firing carries as its <c>endsAt</c>.</summary>
    private static readonly DateTimeOffset ZeroTime = new(1, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static AlertRead Read(PayloadNode body, PageSource source, DateTimeOffset receivedAt) =>
        AlertRead.Of([.. body.Array("alerts").Select(alert => Page(alert, source, receivedAt))]);

    private static PageEvent Page(PayloadNode alert, PageSource source, DateTimeOffset receivedAt)
    {
        var action = alert.String("status") switch
        {
            "firing" => PageAction.Triggered,
            "resolved" => PageAction.Resolved,
            _ => throw new PayloadException($"{alert.Path}.status is neither firing nor resolved"),
        };
        var labels = alert.Object("labels").StringMembers().ToList();
        var annotations = alert.OptionalObject("annotations")?.StringMembers().ToDictionary(StringComparer.Ordinal) ?? [];
        var startsAt = alert.Instant("startsAt");
        // Alertmanager's own when it sends one; else derived the same way from the labels.
        var fingerprint = PageText.Id(alert.OptionalString("fingerprint") is { Length: > 0 } sent ? sent : LabelFingerprint.Of(labels), alert.Path + ".fingerprint");
        var alertId = $"{fingerprint}@{startsAt.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)}";
        var named = labels.ToDictionary(StringComparer.Ordinal);
        return new PageEvent
        {
            Source = source,
            Action = action,
            AlertId = alertId,
            EventId = $"{alertId}/{(action == PageAction.Triggered ? "firing" : "resolved")}",
            // A resolved alert's endsAt is when it ended; a resolved one that still carries the zero time (an edited
            // capture, a buggy sender) ended no later than now.
            At = action == PageAction.Triggered ? startsAt : alert.OptionalInstant("endsAt") is { } endsAt && endsAt > ZeroTime ? endsAt : receivedAt,
            TriggeredAt = startsAt,
            Title = Title(named, annotations) ?? $"{source.ToLabel()} alert {fingerprint}",
            Service = PageText.Title(PageText.First(named.GetValueOrDefault("service"), named.GetValueOrDefault("job"))),
            Priority = PageText.Title(named.GetValueOrDefault("severity")),
            Url = UrlOf(alert, source),
            Detail = PageText.Text(annotations.GetValueOrDefault("description")),
            Labels = [.. labels.Select(label => new PageLabel(PageText.Label(label.Key), PageText.Label(label.Value)))],
        };
    }

    /// <summary>"High CPU Temperature: High CPU core temperature": the rule's name and what its summary says.</summary>
    private static string? Title(Dictionary<string, string> labels, Dictionary<string, string> annotations)
    {
        var name = PageText.Title(labels.GetValueOrDefault("alertname"));
        var summary = PageText.Title(annotations.GetValueOrDefault("summary"));
        return PageText.Title(name is null || summary is null ? name ?? summary : $"{name}: {summary}");
    }

    /// <summary>The rule that fired; for Grafana, when it gives none, the panel or dashboard it watches.</summary>
    private static string? UrlOf(PayloadNode alert, PageSource source) =>
        PageText.Url(alert.OptionalString("generatorURL"))
        ?? (source == PageSource.Grafana
            ? PageText.Url(alert.OptionalString("panelURL")) ?? PageText.Url(alert.OptionalString("dashboardURL"))
            : null);
}
