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

    // A path is named by what was suspected, which people write first: "502s come from the edge. Cloudflare rolled
    // out..." is named "502s come from the edge", "Rolled back the WAF rule; no effect" is "Rolled back the WAF rule".
    // Inside one sentence a name must not span lines either.
    private static string Name(string text)
    {
        var end = FirstSentenceEnd(text);
        var sentence = (end > 0 ? text[..end] : text).TrimEnd().TrimEnd('.');
        var words = sentence.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return TextShortener.ShortenWithin(string.Join(' ', words), NameLength, trimEnd: true);
    }

    // Where the first sentence ends: at a line break or a ';', or after a '.', '!' or '?' followed by white space
    // ("0.1%" and "v2.14.3" go on); -1 when the text is one sentence. A question keeps its mark, a full stop is trimmed
    // by the caller.
    private static int FirstSentenceEnd(string text)
    {
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (text[i] is '\n' or '\r' or ';')
            {
                return i;
            }

            if (text[i] is '.' or '!' or '?' && char.IsWhiteSpace(text[i + 1]))
            {
                return i + 1;
            }
        }

        return -1;
    }
}
