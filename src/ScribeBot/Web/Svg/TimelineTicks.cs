using System.Globalization;
using ScribeBot.Core.Postmortem;
using ScribeBot.Core.Time;

namespace ScribeBot.Web.Svg;

/// <summary>The time axis' ticks, at round local wall-clock times in the incident's zone.</summary>
internal static class TimelineTicks
{
    private static readonly TimeSpan[] Steps =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10),
        TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(2),
        TimeSpan.FromHours(3), TimeSpan.FromHours(6), TimeSpan.FromHours(12), TimeSpan.FromDays(1),
        TimeSpan.FromDays(2), TimeSpan.FromDays(7), TimeSpan.FromDays(14), TimeSpan.FromDays(28),
    ];

    /// <summary>Ticks at round local wall-clock times (every 5 minutes, every hour, midnight...), at most about eight.</summary>
    public static List<(DateTimeOffset At, string Label)> Between(DateTimeOffset from, DateTimeOffset to, IncidentClock clock)
    {
        var span = to - from;
        var step = Steps.FirstOrDefault(s => span / s <= 8);
        if (step == TimeSpan.Zero)
        {
            step = TimeSpan.FromDays(Math.Ceiling(span.TotalDays / 8));
        }

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
                : oneDay || day == previousDay ? clock.Time(at)
                : $"{IncidentClock.ShortDay(day)} {clock.Time(at)}";
            ticks.Add((at, label));
            previous = at;
            previousDay = day;
        }

        return ticks;
    }
}
