using System.Text;
using System.Text.Encodings.Web;
using ScribeBot.Core.Links;
using ScribeBot.Core.Postmortem.Document;
using ScribeBot.Core.Text;

namespace ScribeBot.Web.Sandbox;

/// <summary>
/// ScribeBot's short posts and answers (<see cref="ChatText"/>) as HTML for the sandbox page. Every run is literal, so
/// every run is encoded; a link is kept only when it goes to http(s), to this site or to an anchor. The timeline and
/// the draft are Markdown, rendered by <see cref="PostmortemHtml"/> like the editor's.
/// </summary>
internal static class SandboxHtml
{
    /// <summary>
    /// One line as it was; text of several lines (<see cref="ChatTextLayout"/>) as a paragraph per group with a line
    /// break per line, so <c>help</c> and <c>status</c> read as they do in Slack and Teams.
    /// </summary>
    public static string FromChatText(ChatText text)
    {
        if (!ChatTextLayout.HasLines(text))
        {
            return Runs(text);
        }

        var html = new StringBuilder();
        foreach (var group in ChatTextLayout.Groups(text))
        {
            html.Append("<p>").AppendJoin("<br>", group.Select(Runs)).Append("</p>");
        }

        return html.ToString();
    }

    private static string Runs(ChatText text)
    {
        var encoder = HtmlEncoder.Default;
        var html = new StringBuilder();
        foreach (var run in text.Runs)
        {
            // An override typed in the text ends with it (BidiText), so the bot's words after it read the right way.
            var encoded = encoder.Encode(run.Text) + BidiText.Closers(run.Text);
            _ = run.Style switch
            {
                RunStyle.Strong => html.Append("<strong>").Append(encoded).Append("</strong>"),
                RunStyle.Emphasis => html.Append("<em>").Append(encoded).Append("</em>"),
                RunStyle.Code => html.Append("<code>").Append(encoded).Append("</code>"),
                RunStyle.Placeholder => html.Append("<span class=\"placeholder\">").Append(encoded).Append("</span>"),
                RunStyle.Link when IsSafeUrl(run.Url) =>
                    html.Append("<a href=\"").Append(encoder.Encode(run.Url!)).Append("\">").Append(encoded).Append("</a>"),
                _ => html.Append(encoded),
            };
        }

        return html.ToString();
    }

    private static bool IsSafeUrl(string? url) =>
        SafeLink.IsWebAddress(url) || SafeLink.IsSitePath(url) || (url is not null && MessageAnchor.IsHref(url));
}
