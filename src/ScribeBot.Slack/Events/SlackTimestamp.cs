using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ScribeBot.Slack.Events;

/// <summary>
/// Slack's message <c>ts</c>: Unix seconds, a dot and six digits of microseconds (<c>1355517523.000005</c>). It is
/// both the message's id and its instant; the instant is kept exact to the microsecond (10 ticks).
/// </summary>
internal static class SlackTimestamp
{
    public static bool TryParse(string? ts, [NotNullWhen(true)] out DateTimeOffset? instant)
    {
        instant = null;
        if (string.IsNullOrEmpty(ts) || ts.Length > 24)
        {
            return false;
        }

        var dot = ts.IndexOf('.', StringComparison.Ordinal);
        var secondsPart = dot < 0 ? ts.AsSpan() : ts.AsSpan(0, dot);
        var fractionPart = dot < 0 ? [] : ts.AsSpan(dot + 1);
        if (secondsPart.IsEmpty || secondsPart.Length > 11 || fractionPart.Length > 6
            || !IsDigits(secondsPart) || !IsDigits(fractionPart) || (dot >= 0 && fractionPart.IsEmpty))
        {
            return false;
        }

        var seconds = long.Parse(secondsPart, NumberStyles.None, CultureInfo.InvariantCulture);
        var micros = 0L;
        if (!fractionPart.IsEmpty)
        {
            // "5" after the dot is half a second, not five microseconds: pad to six digits on the right.
            Span<char> padded = stackalloc char[6];
            padded.Fill('0');
            fractionPart.CopyTo(padded);
            micros = long.Parse(padded, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        if (seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds() - 1)
        {
            return false;
        }

        instant = DateTimeOffset.FromUnixTimeSeconds(seconds).AddTicks(micros * 10);
        return true;
    }

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
