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

        var keep = char.IsHighSurrogate(text[maxChars - 1]) ? maxChars - 1 : maxChars;
        return string.Concat(text.AsSpan(0, keep), "…");
    }
}
