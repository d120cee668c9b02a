using System.Globalization;
using Humanizer;
using ScribeBot.Core.Incidents;

namespace ScribeBot.Core.Postmortem;

/// <summary>Durations as people read them: two units, e.g. "1 hour, 30 minutes".</summary>
public static class DurationText
{
    /// <summary>Humanizer with precision 2, seconds as the smallest unit, English.</summary>
    public static string Humanize(TimeSpan duration) =>
        duration.Duration().Humanize(
            precision: 2, culture: CultureInfo.InvariantCulture, maxUnit: TimeUnit.Week, minUnit: TimeUnit.Second);

    /// <summary>What is shown instead of a duration that rests on times in an impossible order.</summary>
    public const string ImpossibleOrder = "not stated (impossible order)";

    /// <summary>The duration humanized, or <see cref="ImpossibleOrder"/> when it must not be stated.</summary>
    public static string Humanize(MeasuredSpan span) => span.ImpossibleOrder ? ImpossibleOrder : Humanize(span.Value);

    /// <summary>
    /// A duration where room is short (a table cell at phone width, a one-line reply): its two largest units, abbreviated
    /// and cut, not rounded, like <see cref="Humanize(TimeSpan)"/>: "45 s", "4 min", "1 h 19 min", "2 d 3 h".
    /// </summary>
    public static string Short(TimeSpan duration)
    {
        var span = duration.Duration();
        (long Value, string Unit)[] units = [((long)span.TotalDays, "d"), (span.Hours, "h"), (span.Minutes, "min"), (span.Seconds, "s")];
        var first = Array.FindIndex(units, u => u.Value > 0);
        if (first < 0)
        {
            return "0 s";
        }

        var shown = units.Skip(first).Take(2).Where(u => u.Value > 0).Select(u => string.Create(CultureInfo.InvariantCulture, $"{u.Value} {u.Unit}"));
        return string.Join(' ', shown);
    }
}
