using System.Buffers;
using System.Text;

namespace ScribeBot.Core.Text;

/// <summary>
/// Keeps a bidirectional control in user text from reaching past that text. An override, embedding or isolate typed
/// in chat (U+202A-U+202E, U+2066-U+2068) that is not closed would reorder whatever a renderer writes after it on the
/// same line: the bot's own words ("INC-1 declared: ... (SEV2)") would read backwards. Renderers append
/// <see cref="Closers(string)"/> after each piece of user text, which ends what that text opened and nothing else.
/// </summary>
public static class BidiText
{
    private const char PopDirectionalFormatting = '\u202C';
    private const char PopDirectionalIsolate = '\u2069';

    /// <summary>What can open a run: text with none of these (nearly all) is answered without a pass over it.</summary>
    private static readonly SearchValues<char> Openers = SearchValues.Create("\u202A\u202B\u202D\u202E\u2066\u2067\u2068");

    /// <summary>
    /// The PDF (U+202C) and PDI (U+2069) characters that close what <paramref name="text"/> leaves open, innermost
    /// first; empty for balanced text. Follows the Unicode Bidirectional Algorithm's matching (UAX #9, X6a, X7): a
    /// PDI closes the open isolate and every embedding opened inside it; a PDF closes only an embedding opened after
    /// the last open isolate. A newline is not taken as the end: HTML renders it as <c>&lt;br/&gt;</c>, which ends
    /// no paragraph, and a closer with nothing to close is ignored (X7).
    /// </summary>
    public static string Closers(string text) => Closers(text.AsSpan());

    /// <inheritdoc cref="Closers(string)"/>
    public static string Closers(ReadOnlySpan<char> text)
    {
        if (!text.ContainsAny(Openers))
        {
            return "";
        }

        Stack<char>? open = null;
        foreach (var c in text)
        {
            switch (c)
            {
                case '\u202A' or '\u202B' or '\u202D' or '\u202E':
                    (open ??= new Stack<char>()).Push(PopDirectionalFormatting);
                    break;
                case '\u2066' or '\u2067' or '\u2068':
                    (open ??= new Stack<char>()).Push(PopDirectionalIsolate);
                    break;
                case PopDirectionalFormatting when open is { Count: > 0 } && open.Peek() == PopDirectionalFormatting:
                    open.Pop();
                    break;
                case PopDirectionalIsolate when open is not null && open.Contains(PopDirectionalIsolate):
                    while (open.Pop() != PopDirectionalIsolate)
                    {
                    }

                    break;
            }
        }

        if (open is not { Count: > 0 })
        {
            return "";
        }

        var closers = new StringBuilder(open.Count);
        foreach (var closer in open)
        {
            closers.Append(closer);
        }

        return closers.ToString();
    }
}
