using System.Globalization;

namespace ScribeBot.Pictures.Svg;

/// <summary>
/// Durations in the little room of an axis or above a bar: the two largest units, abbreviated (<c>1h 30m</c>,
/// <c>45s</c>, <c>2d 3h</c>). Tooltips and tables use the full Humanizer wording (<c>DurationText</c>).
/// </summary>
public static class CompactDuration
{
    public static string Format(TimeSpan duration)
    {
        duration = duration.Duration();
        (long Amount, string Unit)[] parts =
        [
            (duration.Days, "d"),
            (duration.Hours, "h"),
            (duration.Minutes, "m"),
            (duration.Seconds, "s"),
        ];
        var shown = parts.SkipWhile(p => p.Amount == 0).Take(2).Where(p => p.Amount > 0).ToArray();
        return shown.Length == 0 ? "0s" : string.Join(' ', shown.Select(p => p.Amount.ToString(CultureInfo.InvariantCulture) + p.Unit));
    }
}
