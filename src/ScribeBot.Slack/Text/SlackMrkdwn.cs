using System.Text;
using System.Text.RegularExpressions;
using ScribeBot.Core.Links;
using ScribeBot.Core.Text;

namespace ScribeBot.Slack.Text;

/// <summary>
/// Renders <see cref="ChatText"/> as Slack mrkdwn in which user text stays literal: it cannot format, link or ping.
/// <list type="bullet">
/// <item><c>&amp; &lt; &gt;</c> become entities, as Slack's formatting reference asks ("Escaping text"). That alone
/// neutralises <c>&lt;!channel&gt;</c>, <c>&lt;@U1&gt;</c>, <c>&lt;!subteam^S1&gt;</c> and <c>&lt;http://x|y&gt;</c>.</item>
/// <item>mrkdwn has no backslash escape for <c>* _ ~ `</c>. Zero-width characters next to them are no cure: Slack
/// treats a zero-width space as a word break, which is how jsx-slack's "exact mode" <em>forces</em> formatting. We
/// follow jsx-slack's escaping of link text instead (docs/about-escape-and-exact-mode.md) and write look-alikes:
/// <c>*</c> U+2217, <c>_</c> U+02CD, <c>~</c> U+223C, <c>`</c> U+02CB. The text reads the same and cannot pair up.
/// (jsx-slack's other trick, <c>&lt;!date^0^{_}|*&gt;</c>, shows a date fallback in notifications and search.)</item>
/// <item>A line starting with <c>&amp;gt;</c> still quotes; a soft hyphen (U+00AD, invisible) in front stops it.</item>
/// <item>Plain <c>@channel</c>, <c>@here</c>, <c>@everyone</c> ping only when a message is posted with
/// <c>link_names: true</c>. The Web API client must post with <c>link_names: false</c>; in addition a word joiner
/// (U+2060) after the <c>@</c> keeps them inert whatever a client or a later edit does.</item>
/// </list>
/// Only http(s) URLs are ever written as links.
/// </summary>
internal static partial class SlackMrkdwn
{
    private const char SoftHyphen = '\u00AD';
    private const char WordJoiner = '\u2060';

    /// <summary>The mrkdwn of <paramref name="text"/>.</summary>
    public static string Render(ChatText text)
    {
        var builder = new StringBuilder();
        foreach (var run in text.Runs)
        {
            AppendRun(builder, run);
        }

        return Finish(builder.ToString());
    }

    /// <summary>A plain string, literal.</summary>
    public static string Escape(string text) => Render(ChatText.Of(text));

    /// <summary>
    /// The mrkdwn of <paramref name="text"/> in pieces of at most <paramref name="maxLength"/> characters, cut between
    /// runs where possible, else inside a run's text (at a space when there is one near), never inside an entity,
    /// a link or a style's delimiters: each piece is valid on its own.
    /// </summary>
    public static IReadOnlyList<string> RenderChunks(ChatText text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 64);
        var budget = maxLength;
        while (true)
        {
            var chunks = Pack(text, budget);
            var longest = chunks.Count == 0 ? 0 : chunks.Max(c => c.Length);
            if (longest <= maxLength)
            {
                return chunks;
            }

            // Finish() added a few characters (word joiners, soft hyphens) beyond the budget: pack tighter.
            budget -= longest - maxLength + 8;
            if (budget < 32)
            {
                throw new InvalidOperationException("mrkdwn cannot be cut into pieces this small.");
            }
        }
    }

    /// <summary>At most <paramref name="maxLength"/> characters of the mrkdwn of a plain string, "…" marking a cut.</summary>
    public static string EscapeWithin(string text, int maxLength)
    {
        var chunks = RenderChunks(ChatText.Of(text), maxLength - 1);
        return chunks.Count switch
        {
            0 => "",
            1 => chunks[0],
            _ => chunks[0] + "…",
        };
    }

    /// <summary>An http(s) URL made safe to sit inside <c>&lt;url|label&gt;</c>, or null when it must not be a link.</summary>
    public static string? SafeUrl(string? url) =>
        SafeLink.IsWebAddress(url)
            ? SafeLink.PercentEncode(url, "<>| @").Replace("&", "&amp;", StringComparison.Ordinal)
            : null;

    private static List<string> Pack(ChatText text, int budget)
    {
        var chunks = new List<string>();
        var current = new StringBuilder();
        foreach (var run in text.Runs)
        {
            var rendered = RenderRun(run);
            if (current.Length + rendered.Length <= budget)
            {
                current.Append(rendered);
                continue;
            }

            if (current.Length > 0 && rendered.Length <= budget)
            {
                chunks.Add(Finish(current.ToString()));
                current.Clear().Append(rendered);
                continue;
            }

            // The run does not fit even alone: fill the current piece with as much of it as fits, then go on.
            var rest = run.Text;
            while (rest.Length > 0)
            {
                var room = budget - current.Length;
                var take = Fit(run, rest, room);
                if (take == 0 && current.Length == 0)
                {
                    take = char.IsHighSurrogate(rest[0]) && rest.Length > 1 ? 2 : 1;
                }

                if (take == 0)
                {
                    chunks.Add(Finish(current.ToString()));
                    current.Clear();
                    continue;
                }

                current.Append(RenderRun(run with { Text = rest[..take] }));
                rest = rest[take..];
                if (rest.Length > 0)
                {
                    chunks.Add(Finish(current.ToString()));
                    current.Clear();
                }
            }
        }

        if (current.Length > 0)
        {
            chunks.Add(Finish(current.ToString()));
        }

        return chunks;
    }

    /// <summary>How many characters of <paramref name="text"/> render within <paramref name="room"/>, preferring a cut at a space.</summary>
    private static int Fit(TextRun run, string text, int room)
    {
        var take = Math.Min(text.Length, room);
        while (take > 0 && RenderRun(run with { Text = text[..take] }).Length > room)
        {
            var rendered = RenderRun(run with { Text = text[..take] }).Length;
            take = Math.Max(0, Math.Min(take - 1, (int)((long)take * room / rendered) - 1));
        }

        if (take > 0 && take < text.Length)
        {
            var space = text.LastIndexOfAny([' ', '\n'], take - 1);
            if (space > take * 4 / 5)
            {
                take = space + 1;
            }
            else
            {
                take = TextShortener.CutIndex(text, take);
            }
        }

        return take;
    }

    private static string RenderRun(TextRun run)
    {
        var builder = new StringBuilder(run.Text.Length + 8);
        AppendRun(builder, run);
        return builder.ToString();
    }

    private static void AppendRun(StringBuilder builder, TextRun run)
    {
        switch (run.Style)
        {
            case RunStyle.Strong:
                Delimited(builder, run.Text, '*');
                break;
            case RunStyle.Emphasis or RunStyle.Placeholder:
                Delimited(builder, run.Text, '_');
                break;
            case RunStyle.Code when run.Text.Trim().Length > 0:
                builder.Append('`');
                Literal(builder, run.Text.ReplaceLineEndings(" "));
                builder.Append('`');
                break;
            case RunStyle.Link when SafeUrl(run.Url) is { } url && run.Text.Trim().Length > 0:
                builder.Append('<').Append(url).Append('|');
                Literal(builder, run.Text.ReplaceLineEndings(" "), inLinkLabel: true);
                builder.Append('>');
                break;
            default:
                Literal(builder, run.Text);
                break;
        }
    }

    // Slack formats *x* only when the delimiters hug text and do not span lines: spaces move outside them.
    private static void Delimited(StringBuilder builder, string text, char delimiter)
    {
        var content = text.ReplaceLineEndings(" ");
        var trimmed = content.Trim();
        if (trimmed.Length == 0)
        {
            Literal(builder, content);
            return;
        }

        if (char.IsWhiteSpace(content[0]))
        {
            builder.Append(' ');
        }

        builder.Append(delimiter);
        Literal(builder, trimmed);
        builder.Append(delimiter);
        if (char.IsWhiteSpace(content[^1]))
        {
            builder.Append(' ');
        }
    }

    private static void Literal(StringBuilder builder, string text, bool inLinkLabel = false)
    {
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                '*' => builder.Append('\u2217'),
                '_' => builder.Append('\u02CD'),
                '~' => builder.Append('\u223C'),
                '`' => builder.Append('\u02CB'),
                '|' when inLinkLabel => builder.Append('\u2223'),
                '\r' => builder,
                '\t' => builder.Append(' '),
                _ when char.IsControl(c) && c != '\n' => builder,
                _ => builder.Append(c),
            };
        }

        builder.Append(BidiText.Closers(text));
    }

    /// <summary>
    /// <paramref name="text"/> with a word joiner after the <c>@</c> of every <c>@channel</c>, <c>@here</c> and
    /// <c>@everyone</c>: for plain_text too, which Slack does not parse, so that a copy of it pings nobody either.
    /// </summary>
    public static string BreakBroadcasts(string text) =>
        Broadcast().Replace(text, match => "@" + WordJoiner + match.Groups[1].Value);

    // Rules that look across runs: a broadcast word split over two runs, a quote marker at the start of a line.
    private static string Finish(string mrkdwn)
    {
        var result = BreakBroadcasts(mrkdwn);
        return QuoteAtLineStart().Replace(result, match => match.Groups[1].Value + SoftHyphen + match.Groups[2].Value);
    }

    [GeneratedRegex(@"@(channel|here|everyone)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Broadcast();

    [GeneratedRegex(@"(^|\n)([ \u00A0]*(?:&gt;|\uFF1E))", RegexOptions.CultureInvariant)]
    private static partial Regex QuoteAtLineStart();
}
