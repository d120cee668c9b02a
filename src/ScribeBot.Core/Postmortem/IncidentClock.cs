using System.Globalization;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Time;

namespace ScribeBot.Core.Postmortem;

/// <summary>
/// Shows instants in an incident's time zone. TimeZoneInfo reads IANA ids from the system's zoneinfo files, which
/// works with InvariantGlobalization (no ICU needed); an unknown id falls back to UTC and says so. Times of day are
/// shown at the incident's <see cref="TimePrecision"/>.
/// </summary>
public sealed class IncidentClock
{
    private IncidentClock(TimeZoneInfo zone, string zoneId, bool known, TimePrecision precision)
    {
        Zone = zone;
        ZoneId = zoneId;
        IsKnownZone = known;
        Precision = precision;
    }

    public TimeZoneInfo Zone { get; }

    /// <summary>The id shown to people: the incident's id, or <c>UTC</c> after a fallback.</summary>
    public string ZoneId { get; }

    public bool IsKnownZone { get; }

    /// <summary>Minutes, or seconds for a short resolved incident (<see cref="TimePrecision.Of"/>).</summary>
    public TimePrecision Precision { get; }

    /// <summary>The clock of <paramref name="incident"/>: its zone, and its times at its <see cref="TimePrecision"/>.</summary>
    public static IncidentClock For(Incident incident) => For(incident.TimeZoneId, TimePrecision.Of(incident));

    /// <summary>A clock in a zone, showing times to the minute unless told otherwise (no incident: stats, tests).</summary>
    public static IncidentClock For(string timeZoneId, TimePrecision? precision = null)
    {
        precision ??= TimePrecision.Minutes;
        if (string.IsNullOrWhiteSpace(timeZoneId))
        {
            return new IncidentClock(TimeZoneInfo.Utc, "UTC", known: false, precision);
        }

        try
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId.Trim());
            return new IncidentClock(zone, timeZoneId.Trim(), known: true, precision);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return new IncidentClock(TimeZoneInfo.Utc, "UTC", known: false, precision);
        }
    }

    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    public DateOnly LocalDate(DateTimeOffset at) => DateOnly.FromDateTime(Local(at).DateTime);

    /// <summary><c>14:02</c>, or <c>14:02:10</c> at <see cref="TimePrecision.Seconds"/>.</summary>
    public string Time(DateTimeOffset at) => Precision.Time(Local(at));

    /// <summary><c>Mon, Mar 2, 2026</c>.</summary>
    public static string Day(DateOnly date) => date.ToString("ddd, MMM d, yyyy", CultureInfo.InvariantCulture);

    /// <summary><c>Mar 2</c>.</summary>
    public static string ShortDay(DateOnly date) => date.ToString("MMM d", CultureInfo.InvariantCulture);

    /// <summary><c>Mon, Mar 2, 2026, 14:02</c> (or <c>14:02:10</c>).</summary>
    public string DayAndTime(DateTimeOffset at) => $"{Day(LocalDate(at))}, {Time(at)}";

    /// <summary>
    /// The zone's abbreviation at that instant (<c>CET</c>, <c>CEST</c>). Zones whose tz data has only a numeric
    /// abbreviation, and UTC (whose "name" is a phrase), get <c>UTC+05:30</c> style instead.
    /// </summary>
    public string Abbreviation(DateTimeOffset at)
    {
        var name = Zone.IsDaylightSavingTime(at) ? Zone.DaylightName : Zone.StandardName;
        if (name.Length is > 0 and <= 6 && name.All(char.IsAsciiLetterUpper))
        {
            return name;
        }

        var offset = Zone.GetUtcOffset(at);
        if (offset == TimeSpan.Zero)
        {
            return "UTC";
        }

        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return $"UTC{sign}{offset.Duration():hh\\:mm}";
    }

    /// <summary><c>Europe/Berlin (CET)</c>, or <c>Europe/Berlin (CET/CEST)</c> across a DST change, or <c>UTC</c>.</summary>
    public string ZoneLabel(DateTimeOffset from, DateTimeOffset? to = null)
    {
        var first = Abbreviation(from);
        var last = to is { } end ? Abbreviation(end) : first;
        var abbreviation = first == last ? first : $"{first}/{last}";
        return ZoneId == abbreviation || (ZoneId is "UTC" or "Etc/UTC" && abbreviation == "UTC")
            ? ZoneId
            : $"{ZoneId} ({abbreviation})";
    }
}
