using System.Text;

namespace ScribeBot.Slack.Text;

/// <summary>
/// Turns Slack's message text into the plain text the core stores. Slack escapes a typed <c>&lt; &gt; &amp;</c> as
/// entities, so a raw <c>&lt;</c> always opens a control sequence: <c>&lt;@U123|name&gt;</c> becomes <c>@name</c>,
/// <c>&lt;#C123|general&gt;</c> <c>#general</c>, <c>&lt;!here&gt;</c> the plain word <c>@here</c> (our renderers
/// break it again on re-post), <c>&lt;https://x|label&gt;</c> <c>label (https://x)</c>. The result is literal text,
/// never Slack markup.
/// </summary>
internal static class SlackTextDecoder
{
    /// <param name="text">Slack's <c>text</c> field as received.</param>
    /// <param name="userNames">Display names by user id, when known (see <c>SlackNames</c>); otherwise the mention's
    /// own label, else the id.</param>
    /// <param name="keepUserMentions">Keep user mentions as <c>&lt;@U123|name&gt;</c>: <see cref="SlackMentionSyntax"/>
    /// reads that form back as one token naming a person with their id (<c>escalate</c>, <c>commander</c>, <c>todo</c>).</param>
    public static string Decode(string text, IReadOnlyDictionary<string, string>? userNames = null, bool keepUserMentions = false)
    {
        var output = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf('<', i);
            var close = open < 0 ? -1 : text.IndexOf('>', open + 1);
            if (open < 0 || close < 0)
            {
                output.Append(Unescape(text.AsSpan(i)));
                break;
            }

            output.Append(Unescape(text.AsSpan(i, open - i)));
            AppendSequence(output, text.AsSpan(open + 1, close - open - 1), userNames, keepUserMentions);
            i = close + 1;
        }

        return output.ToString();
    }

    /// <summary>The user ids mentioned in <paramref name="text"/>, in order, each once.</summary>
    public static IReadOnlyList<string> MentionedUserIds(string text)
    {
        var ids = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf("<@", i, StringComparison.Ordinal);
            var close = open < 0 ? -1 : text.IndexOf('>', open + 2);
            if (close < 0)
            {
                break;
            }

            Split(text.AsSpan(open + 2, close - open - 2), out var target, out _);
            var id = target.ToString();
            if (id.Length > 0 && !ids.Contains(id))
            {
                ids.Add(id);
            }

            i = close + 1;
        }

        return ids;
    }

    /// <summary>Reverses Slack's three entities; any other <c>&amp;...;</c> is literal text that a user typed.</summary>
    public static string Unescape(ReadOnlySpan<char> text)
    {
        if (text.IndexOf('&') < 0)
        {
            return text.ToString();
        }

        return text.ToString().Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal)
            .Replace("&amp;", "&", StringComparison.Ordinal);
    }

    private static void AppendSequence(
        StringBuilder output, ReadOnlySpan<char> sequence, IReadOnlyDictionary<string, string>? userNames, bool keepUserMentions)
    {
        Split(sequence, out var target, out var label);
        var labelText = label.IsEmpty ? null : Unescape(label);
        if (target.StartsWith("@"))
        {
            var id = target[1..].ToString();
            var name = userNames is not null && userNames.TryGetValue(id, out var known) ? known : labelText ?? id;
            if (keepUserMentions)
            {
                output.Append("<@").Append(id).Append('|').Append(name.Replace(">", "", StringComparison.Ordinal)).Append('>');
            }
            else
            {
                output.Append('@').Append(name);
            }

            return;
        }

        if (target.StartsWith("#"))
        {
            output.Append('#').Append(labelText ?? target[1..].ToString());
            return;
        }

        if (target.StartsWith("!"))
        {
            var command = target[1..];
            var caret = command.IndexOf('^');
            var keyword = caret < 0 ? command : command[..caret];
            if (keyword is "channel" or "here" or "everyone")
            {
                output.Append('@').Append(keyword);
            }
            else if (keyword is "subteam")
            {
                // A user group: its label is its handle, e.g. "@oncall".
                output.Append(labelText ?? "@group");
            }
            else
            {
                // <!date^...|fallback> and anything newer: the fallback is what Slack shows clients that cannot render it.
                output.Append(labelText ?? keyword.ToString());
            }

            return;
        }

        var url = Unescape(target);
        if (labelText is null || labelText == url || (url.StartsWith("mailto:", StringComparison.Ordinal) && labelText == url[7..]))
        {
            output.Append(labelText ?? url);
        }
        else
        {
            output.Append(labelText).Append(" (").Append(url).Append(')');
        }
    }

    private static void Split(ReadOnlySpan<char> sequence, out ReadOnlySpan<char> target, out ReadOnlySpan<char> label)
    {
        var bar = sequence.IndexOf('|');
        target = bar < 0 ? sequence : sequence[..bar];
        label = bar < 0 ? default : sequence[(bar + 1)..];
    }
}
