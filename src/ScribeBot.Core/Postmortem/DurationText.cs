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
}
