using System.Text;
using ScribeBot.Core.Links;
using ScribeBot.Core.Text;

namespace ScribeBot.Teams.Rendering;

/// <summary>
/// Renders <see cref="ChatText"/> as the HTML of a Teams message with <c>textFormat: "xml"</c>, in which user text
/// stays literal: it cannot format, link or mention.
/// <list type="bullet">
/// <item><c>&amp; &lt; &gt; " '</c> become references, so text cannot open a tag: <c>&lt;at&gt;</c> (a mention),
/// <c>&lt;a&gt;</c>, <c>&lt;script&gt;</c> and a literal <c>&amp;lt;</c> all show as typed.</item>
/// <item>Teams documents that it understands "a subset of Markdown and XML (HTML)", and clients have been seen to
/// apply Markdown to xml messages too. So <c>* _ ~ ` # [ ] | \</c> are written as numeric character references
/// (<c>&amp;#42;</c>): an HTML reader decodes them back to the character, while a Markdown pass over the raw text
/// does not treat a reference as syntax (CommonMark, "Entity and numeric character references": <c>&amp;#42;foo&amp;#42;</c>
/// is literal). <c>**x**</c>, <c>[a](http://e)</c>, <c>~~x~~</c>, <c>`x`</c> therefore stay text. A newline becomes
/// <c>&lt;br/&gt;</c>, so the raw text never has a line start where a <c>#</c>, <c>-</c>, <c>1.</c> or <c>&gt;</c> could
/// open a Markdown block; each message begins with our own tag. Look-alike characters, as Slack needs, are not
/// used: they would change what people copy.</item>
/// <item><c>@</c> becomes <c>&amp;#64;</c>. In Teams a mention is an <c>&lt;at&gt;</c> element backed by a mention
/// entity on the activity; we send neither, so "@channel" in text notifies nobody there. The reference costs four
/// characters and keeps the raw text free of "@here"/"@channel" for whatever reads it raw (a relay into Slack or
/// email, an export), as the core's Markdown renderer does.</item>
/// <item>Control characters are dropped (XML forbids most of them) and an unpaired surrogate becomes U+FFFD, so
/// every rendering is well-formed XML and valid UTF-16; emoji (surrogate pairs) pass unchanged.</item>
/// </list>
/// Only http(s) URLs are written as links. Every character's encoding is independent of its neighbours, so text can
/// be cut anywhere between code points and each piece rendered on its own (<see cref="RenderChunks"/>).
/// </summary>
internal static class TeamsHtml
{
    /// <summary>What starts every piece of a cut text after the first, so a reader sees it goes on.</summary>
    public static ChatText ContinuedMarker { get; } = new([new TextRun("(continued)", RunStyle.Emphasis), new TextRun(" ")]);

    public const string LineBreak = "<br/>";

    /// <summary>The HTML of <paramref name="text"/>.</summary>
    public static string Render(ChatText text)
    {
        var builder = new StringBuilder();
        Append(builder, text);
        return builder.ToString();
    }

    /// <summary>Appends the HTML of <paramref name="text"/>.</summary>
    public static void Append(StringBuilder builder, ChatText text)
    {
        foreach (var run in text.Runs)
        {
            var (open, close) = Tags(run);
            builder.Append(open);
            AppendEscaped(builder, run.Text, 0, run.Text.Length);
            builder.Append(close);
        }
    }

    /// <summary>A plain string, literal.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        AppendEscaped(builder, text, 0, text.Length);
        return builder.ToString();
    }

    /// <summary>
    /// The value for <c>href="..."</c> of a web address (<see cref="SafeLink"/>): spaces percent-encoded, the rest
    /// written as in text (an HTML reader decodes the references, so the target is unchanged). Null for anything else
    /// (<c>javascript:</c>, relative links, in-document anchors) and for a target longer than
    /// <see cref="TeamsLimits.MaxHrefChars"/>.
    /// </summary>
    public static string? SafeHref(string? url)
    {
        if (!SafeLink.IsWebAddress(url))
        {
            return null;
        }

        var href = Escape(SafeLink.PercentEncode(url, " "));
        return href.Length <= TeamsLimits.MaxHrefChars ? href : null;
    }

    /// <summary>
    /// The HTML of <paramref name="text"/> in pieces of at most <paramref name="maxLength"/> characters, the first at
    /// most <paramref name="firstMaxLength"/> (what is left of a message; if nothing fits there, the first piece is a
    /// full-size one). A run that would not fit in what is left of a piece starts the next one if it fits there
    /// whole; otherwise it is cut, at a space or newline when one is near the end, never inside a surrogate pair.
    /// The cut is made in the plain text and each part rendered with the run's tags, so no tag or reference is ever
    /// cut and every piece is well-formed. Every piece after the first starts with <see cref="ContinuedMarker"/>.
    /// Nothing is dropped.
    /// </summary>
    public static IReadOnlyList<string> RenderChunks(ChatText text, int maxLength, int? firstMaxLength = null)
    {
        var marker = Render(ContinuedMarker);

        // Room for the marker, the largest tags we write and a few characters: always progress.
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, marker.Length + 64);
        var chunks = new List<string>();
        var current = new StringBuilder();
        var hasContent = false;
        var limit = Math.Min(firstMaxLength ?? maxLength, maxLength);

        void Flush()
        {
            // An empty first piece is no piece: the text starts in a full-size one, without a marker.
            if (hasContent || chunks.Count > 0)
            {
                chunks.Add(current.ToString());
                current.Clear().Append(marker);
            }

            hasContent = false;
            limit = maxLength;
        }

        foreach (var run in text.Runs)
        {
            if (run.Text.Length == 0)
            {
                continue;
            }

            var (open, close) = Tags(run);
            if (open.Length + close.Length + marker.Length + 16 > maxLength)
            {
                // A link whose tags alone fill a piece: its label is shown as text rather than cut into nothing.
                (open, close) = ("", "");
            }

            var overhead = open.Length + close.Length;
            var length = EscapedLength(run.Text);
            if (hasContent && current.Length + overhead + length > limit && marker.Length + overhead + length <= maxLength)
            {
                Flush();
            }

            var start = 0;
            while (start < run.Text.Length)
            {
                var take = Fit(run.Text, start, limit - current.Length - overhead);
                if (take == 0)
                {
                    // Not even one character fits after what the piece holds; a fresh piece always has room.
                    Flush();
                    continue;
                }

                current.Append(open);
                AppendEscaped(current, run.Text, start, take);
                current.Append(close);
                hasContent = true;
                start += take;
                if (start < run.Text.Length)
                {
                    Flush();
                }
            }
        }

        if (hasContent)
        {
            chunks.Add(current.ToString());
        }

        return chunks;
    }

    private static (string Open, string Close) Tags(TextRun run) => run.Style switch
    {
        _ when run.Text.Length == 0 => ("", ""),
        RunStyle.Strong => ("<b>", "</b>"),
        RunStyle.Emphasis or RunStyle.Placeholder => ("<i>", "</i>"),
        RunStyle.Code => ("<code>", "</code>"),
        RunStyle.Link when run.Text.Trim().Length > 0 && SafeHref(run.Url) is { } href => ($"<a href=\"{href}\">", "</a>"),
        _ => ("", ""),
    };

    /// <summary>
    /// How many UTF-16 units of <paramref name="text"/> from <paramref name="start"/> encode within
    /// <paramref name="room"/> characters, preferring to end after a space or newline in the last fifth.
    /// </summary>
    private static int Fit(string text, int start, int room)
    {
        var used = 0;
        var end = start;
        while (end < text.Length)
        {
            var cost = Replacement(text, end, out var units)?.Length ?? units;
            if (used + cost > room)
            {
                break;
            }

            used += cost;
            end += units;
        }

        var take = end - start;
        if (end < text.Length && take > 0)
        {
            var space = text.LastIndexOfAny([' ', '\n'], end - 1, take);
            if (space >= 0 && space - start + 1 > take * 4 / 5)
            {
                take = space - start + 1;
            }
        }

        return take;
    }

    private static int EscapedLength(string text)
    {
        var length = 0;
        for (var i = 0; i < text.Length;)
        {
            length += Replacement(text, i, out var units)?.Length ?? units;
            i += units;
        }

        return length;
    }

    private static void AppendEscaped(StringBuilder builder, string text, int start, int count)
    {
        var end = start + count;
        for (var i = start; i < end;)
        {
            if (Replacement(text, i, out var units) is { } replacement)
            {
                builder.Append(replacement);
            }
            else
            {
                builder.Append(text, i, units);
            }

            i += units;
        }

        builder.Append(BidiText.Closers(text.AsSpan(start, count)));
    }

    /// <summary>
    /// What the code point at <paramref name="index"/> is written as: null to copy its <paramref name="units"/>
    /// UTF-16 units unchanged. Only numeric references and the XML five are used, so a rendering parses as XML.
    /// </summary>
    private static string? Replacement(string text, int index, out int units)
    {
        var c = text[index];
        units = 1;
        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            units = 2;
            return null;
        }

        return c switch
        {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&#39;",
            '*' => "&#42;",
            '_' => "&#95;",
            '~' => "&#126;",
            '`' => "&#96;",
            '#' => "&#35;",
            '[' => "&#91;",
            ']' => "&#93;",
            '|' => "&#124;",
            '\\' => "&#92;",
            '@' => "&#64;",
            '\n' => LineBreak,
            '\t' => " ",
            _ when char.IsSurrogate(c) => "\uFFFD",
            _ when char.IsControl(c) || c is '\uFFFE' or '\uFFFF' => "",
            _ => null,
        };
    }
}
