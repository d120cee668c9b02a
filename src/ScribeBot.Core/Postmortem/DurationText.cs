using System.Globalization;
using Humanizer;

namespace ScribeBot.Core.Postmortem;

/// <summary>Durations as people read them: two units, e.g. "1 hour, 30 minutes".</summary>
public static class DurationText
{
    /// <summary>Humanizer with precision 2, seconds as the smallest unit, English.</summary>
    public static string Humanize(TimeSpan duration) =>
        duration.Duration().Humanize(
            precision: 2, culture: CultureInfo.InvariantCulture, maxUnit: TimeUnit.Week, minUnit: TimeUnit.Second);
}
