using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Helpers;
using Markdig.Syntax;

namespace ScribeBot.Web;

/// <summary>
/// The postmortem draft as HTML, from the core's Markdown: a fragment for the editor page and a self-contained document
/// for the <c>.html</c> download. Markdig runs with raw HTML disabled, so nothing in the Markdown becomes markup unless
/// Markdown syntax made it; the core has already escaped every user text, so user text cannot make any.
/// </summary>
internal static partial class PostmortemHtml
{
    // Task lists for the [ ] tasks; nothing else is needed by the core's output. No bare-URL autolinks: every link on
    // the page is one the core wrote (permalinks, anchors), so a URL someone typed in chat stays text, as it does in
    // the bot's Slack and Teams posts (docs/decisions.md, "No accidental pings or markup").
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseTaskLists()
        .Build();

    /// <summary>
    /// The draft's Markdown rendered to an HTML fragment. With a <paramref name="picture"/>, the Mermaid block (the
    /// diagram's source, for GitHub and wikis) becomes that picture: a reader of HTML never sees chart source.
    /// </summary>
    public static string RenderFragment(string markdown, DraftPicture? picture = null)
    {
        // The transcript's anchors are the one piece of raw HTML the core writes (`- <a id="msg-..."></a>14:05 ...`).
        // They are taken out before parsing and put back as the id of their list item, so the timeline's in-document
        // links still land while raw HTML stays off. User text cannot fake one: its '<' is always written as &lt;.
        var lines = markdown.Split('\n');
        var anchors = new Dictionary<int, string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var match = TranscriptAnchor().Match(lines[i]);
            if (match.Success)
            {
                anchors[i] = match.Groups["id"].Value;
                lines[i] = string.Concat(match.Groups["bullet"].Value, lines[i].AsSpan(match.Length));
            }
        }

        var document = Markdown.Parse(string.Join('\n', lines), Pipeline);
        if (anchors.Count > 0)
        {
            foreach (var item in document.Descendants<ListItemBlock>())
            {
                if (anchors.TryGetValue(item.Line, out var id))
                {
                    item.GetAttributes().Id = id;
                }
            }
        }

        if (picture is not null)
        {
            foreach (var mermaid in document.Descendants<FencedCodeBlock>().Where(b => b.Info == "mermaid").ToList())
            {
                var parent = mermaid.Parent!;
                parent[parent.IndexOf(mermaid)] = new HtmlBlock(null) { Lines = new StringLineGroup(picture.ToHtml()) };
            }
        }

        return document.ToHtml(Pipeline);
    }

    /// <summary>
    /// A complete HTML page with its styles inline and no script, stylesheet, font or image from anywhere: it opens the
    /// same from a mail attachment, a wiki upload or a disk with no network. The diagram is the timeline picture inside
    /// the file as a <c>data:</c> URI (drawing the Mermaid source would need mermaid.js).
    /// </summary>
    public static string RenderDocument(string title, string markdown, DraftPicture? picture = null)
    {
        var body = RenderFragment(markdown, picture);
        var html = new StringBuilder(body.Length + 2048);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"generator\" content=\"ScribeBot\">\n")
            .Append("<title>").Append(HtmlEncoder.Default.Encode(title)).Append(" - postmortem</title>\n")
            .Append("<style>\n").Append(DocumentStyles).Append("</style>\n</head>\n<body>\n<main class=\"draft\">\n")
            .Append(body)
            .Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>Styles for rendered drafts, under <c>.draft</c>; the editor page includes them too.</summary>
    public const string DraftStyles = """
        .draft { line-height: 1.5; overflow-wrap: anywhere; }
        .draft h1 { font-size: 1.6em; margin: 0 0 .4em; }
        .draft h2 { font-size: 1.25em; margin: 1.4em 0 .5em; padding-bottom: .2em; border-bottom: 1px solid #dfe3ea; }
        .draft h3 { font-size: 1.05em; margin: 1.1em 0 .4em; }
        .draft ul { padding-left: 1.4em; }
        .draft li { margin: .15em 0; }
        .draft ul.contains-task-list { list-style: none; padding-left: .4em; }
        .draft blockquote { margin: 1em 0; padding: .5em 1em; border-left: 4px solid #b42318; background: #fdf3f2; }
        .draft pre { background: #f2f4f7; padding: .8em 1em; overflow-x: auto; border-radius: 4px; font-size: .85em; }
        .draft code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
        .draft em { color: #8a4b00; }
        .draft a { color: #2457c5; }
        .draft li:target { background: #fff6d6; }
        .draft figure.timeline-picture { margin: 1em 0; }
        .draft figure.timeline-picture img { display: block; max-width: 100%; height: auto; border: 1px solid #dfe3ea; border-radius: 4px; }
        /* On a phone the picture keeps its own width and scrolls sideways: shrunk to fit, its 12 px labels would be 4 px. */
        @media (max-width: 700px) {
            .draft figure.timeline-picture { overflow-x: auto; }
            .draft figure.timeline-picture img { width: 900px; max-width: none; }
        }
        """;

    private const string DocumentStyles = """
        body { margin: 0; background: #f7f8fa; color: #1d2330; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
        main { max-width: 900px; margin: 24px auto; padding: 24px 32px; background: #fff; border: 1px solid #dfe3ea; border-radius: 6px; }
        @media print { body { background: #fff; } main { border: 0; margin: 0; max-width: none; } }

        """ + DraftStyles;

    [GeneratedRegex("""^(?<bullet>\s*- (?:↳ )?)<a id="(?<id>msg-[A-Za-z0-9_-]+)"></a>""", RegexOptions.CultureInvariant)]
    private static partial Regex TranscriptAnchor();
}
