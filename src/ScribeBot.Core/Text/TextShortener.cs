namespace ScribeBot.Core.Text;

/// <summary>
/// Cuts text someone else chose to a length that fits a refusal, a log line or a label, ending it with "…". The one
/// rule for it: a cut never falls between the two halves of a surrogate pair, which would leave a broken character
/// (rendered as a replacement glyph, or refused by a JSON or XML writer further on).
/// </summary>
public static class TextShortener
{
    /// <summary>Refusals quote what the caller typed at this length: enough to recognise it, not to echo a paste.</summary>
    public const int QuoteLength = 40;

    /// <summary>Log lines carry values a sender chose at this length.</summary>
    public const int LogLength = 80;

    private const string Ellipsis = "…";

    /// <summary>
    /// <paramref name="text"/> if it has at most <paramref name="maxChars"/> UTF-16 units, else its first
    /// <paramref name="maxChars"/> (one fewer when that would split a pair) followed by "…"; null reads as empty.
    /// </summary>
    public static string Shorten(string? text, int maxChars = QuoteLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 1);
        if (string.IsNullOrEmpty(text) || text.Length <= maxChars)
        {
            return text ?? string.Empty;
        }

        return string.Concat(text.AsSpan(0, CutIndex(text, maxChars)), Ellipsis);
    }

    /// <summary>
    /// <paramref name="text"/> if it has at most <paramref name="maxLength"/> UTF-16 units, else cut so that it ends
    /// with "…" and still has at most <paramref name="maxLength"/>, for a field with a hard limit (a Block Kit header,
    /// a label drawn in little room). With <paramref name="trimEnd"/>, white space left before the "…" is dropped.
    /// </summary>
    public static string ShortenWithin(string? text, int maxLength, bool trimEnd = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        if (string.IsNullOrEmpty(text) || text.Length <= maxLength)
        {
            return text ?? string.Empty;
        }

        var kept = text.AsSpan(0, CutIndex(text, maxLength - 1));
        return string.Concat(trimEnd ? kept.TrimEnd() : kept, Ellipsis);
    }

    /// <summary>
    /// <paramref name="text"/> if its runs hold at most <paramref name="maxChars"/> UTF-16 units together, else the runs
    /// up to that many units (the run where the limit falls cut by <see cref="CutIndex"/>, trailing white space
    /// dropped) followed by "…" in the cut run's style. The same instance when nothing is cut, so a caller can tell.
    /// </summary>
    public static ChatText Shorten(ChatText text, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 1);
        if (text.Runs.Sum(run => run.Text.Length) <= maxChars)
        {
            return text;
        }

        var runs = new List<TextRun>(text.Runs.Count);
        var left = maxChars;
        foreach (var run in text.Runs)
        {
            if (run.Text.Length <= left)
            {
                runs.Add(run);
                left -= run.Text.Length;
                continue;
            }

            var kept = run.Text.AsSpan(0, CutIndex(run.Text, left)).TrimEnd().ToString();
            runs.Add(kept.Length > 0 ? run with { Text = kept + Ellipsis } : new TextRun(Ellipsis));
            break;
        }

        return new ChatText(runs);
    }

    /// <summary>
    /// Where to cut <paramref name="text"/> to keep at most <paramref name="length"/> UTF-16 units: <paramref name="length"/>,
    /// or one fewer when the unit before it is the first half of a pair.
    /// </summary>
    public static int CutIndex(string text, int length)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (length >= text.Length)
        {
            return text.Length;
        }

        return length > 0 && char.IsHighSurrogate(text[length - 1]) ? length - 1 : length;
    }
}
