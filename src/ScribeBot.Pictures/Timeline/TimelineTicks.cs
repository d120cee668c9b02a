using System.Globalization;
using ScribeBot.Core.Postmortem;
using ScribeBot.Core.Time;

namespace ScribeBot.Pictures.Timeline;

/// <summary>The time axis' ticks, at round local wall-clock times in the incident's zone.</summary>
internal static class TimelineTicks
{
    // Second steps first: a 39-second incident gets ticks every 5 or 10 seconds, not one tick a minute.
    private static readonly TimeSpan[] Steps =
    [
        TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10),
        TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10),
        TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(2),
        TimeSpan.FromHours(3), TimeSpan.FromHours(6), TimeSpan.FromHours(12), TimeSpan.FromDays(1),
        TimeSpan.FromDays(2), TimeSpan.FromDays(7), TimeSpan.FromDays(14), TimeSpan.FromDays(28),
    ];

    /// <summary>Ticks at round local wall-clock times (every 5 minutes, every hour, midnight...), at most about eight.</summary>
    public static List<(DateTimeOffset At, string Label)> Between(DateTimeOffset from, DateTimeOffset to, IncidentClock clock)
    {
        var step = Step(to - from);

        var local = clock.Local(from).DateTime;
        var start = step < TimeSpan.FromDays(1)
            ? local.Date + TimeSpan.FromTicks(local.TimeOfDay.Ticks / step.Ticks * step.Ticks)
            : local.Date;
        var oneDay = clock.LocalDate(from) == clock.LocalDate(to);
        var ticks = new List<(DateTimeOffset, string)>(10);
        DateOnly? previousDay = null;
        DateTimeOffset? previous = null;
        for (var wall = start; ; wall += step)
        {
            var at = IncidentTimeZone.ToInstant(wall, clock.Zone);
            if (at > to)
            {
                break;
            }

            if (at < from || at == previous)
            {
                continue;
            }

            var day = clock.LocalDate(at);
            var label = step >= TimeSpan.FromDays(1) ? clock.Local(at).ToString("MMM d", CultureInfo.InvariantCulture)
                : oneDay || day == previousDay ? Time(clock, at, step)
                : $"{IncidentClock.ShortDay(day)} {Time(clock, at, step)}";
            ticks.Add((at, label));
            previous = at;
            previousDay = day;
        }

        return ticks;
    }

    /// <summary>The round step giving at most about eight ticks over <paramref name="span"/>.</summary>
    public static TimeSpan Step(TimeSpan span)
    {
        var step = Steps.FirstOrDefault(s => span / s <= 8);
        return step == TimeSpan.Zero ? TimeSpan.FromDays(Math.Ceiling(span.TotalDays / 8)) : step;
    }

    /// <summary>A time of day, with seconds when the axis counts seconds (else two events read as the same minute).</summary>
    public static string Time(IncidentClock clock, DateTimeOffset at, TimeSpan step) =>
        step < TimeSpan.FromMinutes(1) ? clock.Local(at).ToString("HH:mm:ss", CultureInfo.InvariantCulture) : clock.Time(at);
}
