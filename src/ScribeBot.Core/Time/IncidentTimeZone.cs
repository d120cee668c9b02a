using System.Diagnostics.CodeAnalysis;

namespace ScribeBot.Core.Time;

/// <summary>
/// IANA time zones and the reading of <c>HH:MM</c> times typed in commands. A typed time means that wall-clock
/// time in the incident's zone on the day the command was sent, or the day before when that would put it after
/// the command ("began 23:50" typed at 00:10).
/// </summary>
public static class IncidentTimeZone
{
    /// <summary>Finds an IANA zone by id; Windows ids and unknown names are refused.</summary>
    public static bool TryFind(string id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        zone = null;
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64)
        {
            return false;
        }

        if (TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var found) && found.HasIanaId)
        {
            zone = found;
            return true;
        }

        return false;
    }

    public static TimeZoneInfo Find(string id) =>
        TryFind(id, out var zone) ? zone : throw new ArgumentException($"'{id}' is not an IANA time zone.", nameof(id));

    /// <summary>The instant of <paramref name="time"/> in <paramref name="zone"/> at or before <paramref name="commandAt"/>.</summary>
    public static DateTimeOffset ResolveTypedTime(TimeOnly time, DateTimeOffset commandAt, TimeZoneInfo zone)
    {
        var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(commandAt, zone).DateTime);
        var candidate = ToInstant(localDate.ToDateTime(time), zone);
        return candidate > commandAt ? ToInstant(localDate.AddDays(-1).ToDateTime(time), zone) : candidate;
    }

    /// <summary>The UTC instant of a local wall-clock time; a time skipped by a DST jump moves forward past the gap.</summary>
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddMinutes(15);
        }

        // For an ambiguous time (the repeated hour in autumn) the earlier instant is the first occurrence.
        var offset = zone.IsAmbiguousTime(unspecified)
            ? zone.GetAmbiguousTimeOffsets(unspecified).Max()
            : zone.GetUtcOffset(unspecified);
        return new DateTimeOffset(unspecified, offset).ToUniversalTime();
    }

    /// <summary>The instant as wall-clock time in the zone.</summary>
    public static DateTimeOffset ToLocal(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone);
}
