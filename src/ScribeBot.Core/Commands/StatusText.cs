using System.Globalization;
using Humanizer;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Metrics;
using ScribeBot.Core.Text;
using ScribeBot.Core.Time;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Commands;

/// <summary>The <c>status</c> answer: where the incident stands and which postmortem facts are still missing.</summary>
internal static class StatusText
{
    public static ChatText Render(Incident incident, IReadOnlyList<TimelineEntry> entries, DateTimeOffset now)
    {
        var zone = IncidentTimeZone.Find(incident.TimeZoneId);
        var text = new ChatTextBuilder()
            .Strong($"{incident.DisplayId}: ").Plain(incident.Title)
            .Plain($"\nSEV{(int)incident.Severity}, {incident.Status.ToString().ToLowerInvariant()}, commander {incident.Commander?.DisplayName ?? "none"}")
            .Plain($"\nDeclared {Local(incident.Declared.At, zone)} {incident.TimeZoneId}");

        text.Plain(IncidentDurations.TimeToAcknowledge(incident) is { } mtta ? $"; acknowledged after {Human(mtta)}" : "; not acknowledged yet");
        text.Plain(IncidentDurations.TimeToResolve(incident) is { } mttr
            ? $"; resolved after {Human(mttr)}"
            : $"; open for {Human(now - incident.Declared.At)}");

        var kept = entries.Where(e => !e.Deleted).ToArray();
        var tagged = kept.Count(e => e.Marks.Count > 0);
        text.Plain($"\n{"message".ToQuantity(kept.Count(e => e.Source == EntrySource.Message))} recorded, {"timeline event".ToQuantity(tagged)}.");

        var missing = MissingFacts(incident).ToArray();
        if (missing.Length > 0)
        {
            text.Plain("\nStill missing for the postmortem: ").Placeholder(string.Join(", ", missing));
        }

        return text.Build();
    }

    private static IEnumerable<string> MissingFacts(Incident incident)
    {
        if (incident.DetectionMethod is null)
        {
            yield return "detection (/incident detected)";
        }

        if (incident.Impact is null)
        {
            yield return "impact (/incident impact)";
        }

        if (incident.UsersAffectedPercent is null)
        {
            yield return "users affected (/incident users)";
        }

        if (incident.RootCause is null)
        {
            yield return "root cause (/incident rootcause)";
        }

        if (incident.Resolution is null)
        {
            yield return "resolution (/incident resolution)";
        }

        if (incident.Improvements.Count == 0 && incident.Tasks.Count == 0)
        {
            yield return "corrective measures (/incident improve, /incident todo)";
        }
    }

    private static string Local(DateTimeOffset at, TimeZoneInfo zone) =>
        IncidentTimeZone.ToLocal(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Human(TimeSpan span) => span.Humanize(precision: 2, minUnit: TimeUnit.Second);
}
