using System.Text;
using ScribeBot.Core.Links;
using ScribeBot.Core.Postmortem.Document;
using ScribeBot.Core.Text;

namespace ScribeBot.Core.Postmortem.Markdown;

/// <summary>
/// Renders <see cref="ChatText"/> to CommonMark/GitHub Markdown so that user text stays literal:
/// <list type="bullet">
/// <item>Inline syntax (<c>\ ` * _ ~ | [ ] ! $</c>) is backslash-escaped everywhere, so text cannot bold, link,
/// strike, make tables or math.</item>
/// <item><c>&lt; &gt; &amp;</c> become entities, so text cannot open HTML, autolinks or a chat platform's
/// control sequences (its channel-wide pings and user mentions).</item>
/// <item><c>@</c> becomes <c>&amp;#64;</c>: viewers decode it and show "@here", but mention parsers of chat
/// platforms work on the raw text, where no "@" remains, so pasting or posting the Markdown pings nobody.</item>
/// <item>At the start of every line the block markers are neutralised (<c>-</c>, <c>+</c>, <c>=</c> unless a letter
/// or digit follows, <c>1.</c> and <c>1)</c> before a space, <c>#</c>, leading spaces dropped; <c>&gt;</c> is an entity anyway), so text cannot
/// start a heading, list, quote, code block or setext underline.</item>
/// <item>A newline becomes a hard line break followed by the caller's indent, so a multi-line message stays inside
/// its bullet; blank lines collapse to one break for the same reason.</item>
/// </list>
/// Bare URLs are left as text: GitHub may autolink them, which shows the real target, unlike a disguised
/// <c>[label](url)</c>, which cannot be written.
/// </summary>
public static class MarkdownText
{
    /// <summary>The Markdown of <paramref name="text"/>; continuation lines are indented by <paramref name="indent"/>.</summary>
    public static string Render(ChatText text, string indent = "")
    {
        var builder = new StringBuilder();
        Append(builder, text, indent);
        return builder.ToString();
    }

    /// <summary>Escapes a plain string (a title, a heading).</summary>
    public static string Escape(string text, string indent = "")
    {
        var builder = new StringBuilder(text.Length + 16);
        var writer = new Writer(builder, indent);
        writer.Literal(text);
        return builder.ToString();
    }

    /// <summary>Appends the Markdown of <paramref name="text"/> to <paramref name="builder"/>.</summary>
    public static void Append(StringBuilder builder, ChatText text, string indent = "")
    {
        var writer = new Writer(builder, indent);
        foreach (var run in text.Runs)
        {
            switch (run.Style)
            {
                case RunStyle.Strong:
                    writer.Delimited(run.Text, "**");
                    break;
                case RunStyle.Emphasis:
                case RunStyle.Placeholder:
                    writer.Delimited(run.Text, "*");
                    break;
                case RunStyle.Code:
                    writer.Code(run.Text);
                    break;
                case RunStyle.Link when SafeUrl(run.Url) is { } url:
                    writer.Raw("[");
                    writer.Literal(run.Text);
                    writer.Raw("](<").Raw(url).Raw(">)");
                    break;
                default:
                    writer.Literal(run.Text);
                    break;
            }
        }
    }

    /// <summary>Appends a plain string, escaped.</summary>
    public static void AppendEscaped(StringBuilder builder, string text, string indent = "") =>
        new Writer(builder, indent).Literal(text);

    /// <summary>
    /// Only web addresses (<see cref="SafeLink"/>) and anchors to transcript lines are written, so a stored permalink
    /// cannot become <c>javascript:</c>. Characters that could end the <c>&lt;...&gt;</c> destination are percent-encoded.
    /// </summary>
    internal static string? SafeUrl(string? url)
    {
        if (url is not null && MessageAnchor.IsHref(url))
        {
            return url;
        }

        return SafeLink.IsWebAddress(url) ? SafeLink.PercentEncode(url, "<> \\") : null;
    }

    private sealed class Writer(StringBuilder output, string indent)
    {
        private bool _atLineStart = true;
        private bool _pendingBreak;
        private bool _wroteAny;

        public Writer Raw(string text)
        {
            FlushBreak();
            output.Append(text);
            _atLineStart = false;
            _wroteAny = true;
            return this;
        }

        /// <summary>Strong/emphasis: the delimiters must hug non-space text, so outer spaces move outside them.</summary>
        public void Delimited(string text, string delimiter)
        {
            var trimmed = text.Trim();
            if (trimmed.Length == 0)
            {
                Literal(text);
                return;
            }

            if (text.Length > 0 && char.IsWhiteSpace(text[0]))
            {
                Literal(" ");
            }

            Raw(delimiter);
            Literal(trimmed);
            Raw(delimiter);
            if (char.IsWhiteSpace(text[^1]))
            {
                Literal(" ");
            }
        }

        /// <summary>
        /// A code span shows its content raw, where entities are not decoded; content with <c>&lt; &gt; &amp; @</c>
        /// is therefore written as escaped plain text instead, so it stays inert.
        /// </summary>
        public void Code(string text)
        {
            var content = text.ReplaceLineEndings(" ");
            if (content.Trim().Length == 0 || content.AsSpan().IndexOfAny("<>&@") >= 0)
            {
                Literal(text);
                return;
            }

            var longest = 0;
            var run = 0;
            foreach (var c in content)
            {
                run = c == '`' ? run + 1 : 0;
                longest = Math.Max(longest, run);
            }

            var fence = new string('`', longest + 1);
            var pad = content[0] == '`' || content[^1] == '`' ? " " : "";
            Raw(fence).Raw(pad).Raw(content).Raw(pad).Raw(fence);
        }

        public void Literal(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '\n')
                {
                    // Only a break between two visible lines is written: leading, trailing and repeated newlines vanish.
                    if (_wroteAny)
                    {
                        _pendingBreak = true;
                    }

                    _atLineStart = true;
                    continue;
                }

                if (c == '\r' || (char.IsControl(c) && c != '\t'))
                {
                    continue;
                }

                if (_atLineStart)
                {
                    if (c is ' ' or '\t')
                    {
                        continue;
                    }

                    FlushBreak();
                    _atLineStart = false;
                    _wroteAny = true;
                    // Only what could start a list, a thematic break or a setext underline: "-5%" stays as typed.
                    if (c == '#' || (c is '-' or '+' or '=' && !(i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))))
                    {
                        output.Append('\\').Append(c);
                        continue;
                    }

                    if (char.IsAsciiDigit(c))
                    {
                        // "1. x" and "1) x" would start an ordered list: escape the delimiter after the digits.
                        var end = i;
                        while (end < text.Length && char.IsAsciiDigit(text[end]))
                        {
                            end++;
                        }

                        output.Append(text, i, end - i);
                        if (end < text.Length && text[end] is '.' or ')'
                            && (end + 1 == text.Length || text[end + 1] is ' ' or '\t' or '\n' or '\r'))
                        {
                            output.Append('\\').Append(text[end]);
                            end++;
                        }

                        i = end - 1;
                        continue;
                    }
                }

                FlushBreak();
                _atLineStart = false;
                switch (c)
                {
                    case '\\' or '`' or '*' or '_' or '~' or '|' or '[' or ']' or '!' or '$':
                        output.Append('\\').Append(c);
                        break;
                    case '<':
                        output.Append("&lt;");
                        break;
                    case '>':
                        output.Append("&gt;");
                        break;
                    case '&':
                        output.Append("&amp;");
                        break;
                    case '@':
                        output.Append("&#64;");
                        break;
                    case '\t':
                        output.Append(' ');
                        break;
                    default:
                        output.Append(c);
                        break;
                }
            }

            output.Append(BidiText.Closers(text));
        }

        private void FlushBreak()
        {
            if (_pendingBreak)
            {
                // Backslash + newline is CommonMark's hard line break; the indent keeps the next line in the same
                // list item.
                output.Append("\\\n").Append(indent);
                _pendingBreak = false;
            }
        }
    }
}
