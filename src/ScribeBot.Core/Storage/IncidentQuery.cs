using ScribeBot.Core.Channels;
using ScribeBot.Core.Facts;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Storage;

/// <summary>Which incidents to list across every workspace and platform, newest declared first; null means any.</summary>
public sealed record IncidentQuery
{
    public IncidentStatus? Status { get; init; }
    public Severity? Severity { get; init; }
    public ChatPlatform? Platform { get; init; }
    public DateTimeOffset? DeclaredSince { get; init; }
    public int Skip { get; init; }
    public int Take { get; init; } = 25;

    public bool Matches(Incident incident) =>
        (Status is null || incident.Status == Status)
        && (Severity is null || incident.Severity == Severity)
        && (Platform is null || incident.Channel.Platform == Platform)
        && (DeclaredSince is null || incident.Declared.At >= DeclaredSince);

    /// <summary>
    /// The page of <paramref name="incidents"/> this query asks for, newest declared first, each outage measured with
    /// the stored entries <paramref name="entriesOf"/> gives.
    /// </summary>
    public IncidentPage PageOf(IEnumerable<Incident> incidents, Func<Incident, IReadOnlyList<TimelineEntry>> entriesOf)
    {
        ArgumentNullException.ThrowIfNull(entriesOf);
        var matching = incidents.Where(Matches)
            .OrderByDescending(i => i.Declared.At)
            .ThenBy(i => i.Id, StringComparer.Ordinal)
            .ToArray();
        var items = matching.Skip(Math.Max(0, Skip)).Take(Math.Max(0, Take)).ToArray();
        return new IncidentPage(items, matching.Length, items.ToDictionary(i => i.Id, i => OutageWindow.Of(i, entriesOf(i))));
    }
}

