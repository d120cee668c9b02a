using System.Globalization;
using Humanizer;
using ScribeBot.Core.Metrics;
using ScribeBot.Core.Text;

namespace ScribeBot.Core.Postmortem;

/// <summary>
/// The sentence that says what misleading paths cost: "About 35 minutes went to two misleading paths (a suspected
/// Stripe outage, the WAF rule)." Each path is named by its entry's text, shortened; the renderers escape it.
/// </summary>
public static class TimeLostText
{
    /// <summary>A name longer than this is cut: enough to recognise the path, the message itself is in the timeline.</summary>
    public const int NameLength = 40;

    /// <summary>Paths named in the sentence; the rest are counted ("and 2 more").</summary>
    public const int NamedPaths = 3;

    /// <summary>The sentence, or null when no misleading path was measured (then the summary says nothing of it).</summary>
    public static string? Sentence(TimeLost timeLost)
    {
        ArgumentNullException.ThrowIfNull(timeLost);
        var count = timeLost.Paths.Count;
        if (count == 0)
        {
            return null;
        }

        var names = timeLost.Paths.Take(NamedPaths).Select(p => Name(p.Entry.Text)).ToList();
        var list = string.Join(", ", names) + (count > NamedPaths ? $" and {count - NamedPaths} more" : "");
        var paths = $"{count.ToWords(CultureInfo.InvariantCulture)} {"misleading path".ToQuantity(count, ShowQuantityAs.None)}";
        return $"About {DurationText.Humanize(Rounded(timeLost.Total))} went to {paths} ({list}).";
    }

    // "About" promises no more than whole minutes; a path shorter than a minute still shows its seconds.
    private static TimeSpan Rounded(TimeSpan total) =>
        total < TimeSpan.FromMinutes(1)
            ? TimeSpan.FromSeconds(Math.Round(total.TotalSeconds, MidpointRounding.AwayFromZero))
            : TimeSpan.FromMinutes(Math.Round(total.TotalMinutes, MidpointRounding.AwayFromZero));

    // A chat message may span lines; inside one sentence its name must not.
    private static string Name(string text) =>
        TextShortener.ShortenWithin(string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), NameLength, trimEnd: true);
}
