using System.Text;
using ScribeBot.Core.Postmortem.Document;

namespace ScribeBot.Core.Postmortem.Markdown;

/// <summary>Renders a <see cref="PostmortemDocument"/> as one Markdown file (GitHub/CommonMark flavour).</summary>
public static class PostmortemMarkdown
{
    private const string BulletIndent = "  ";

    /// <summary>The whole draft: title, warnings, word count, the four sections, the diagram, the transcript.</summary>
    public static string Render(PostmortemDocument document)
    {
        var builder = new StringBuilder(4096 + (document.Transcript.Lines.Count * 120));
        builder.Append("# ");
        MarkdownText.AppendEscaped(builder, document.Title);
        builder.Append("\n\n");
        MarkdownText.Append(builder, document.Meta);
        builder.Append("\n\n");

        foreach (var warning in document.Warnings)
        {
            builder.Append("> ");
            MarkdownText.Append(builder, warning.Message, "> ");
            builder.Append("\n\n");
        }

        builder.Append('*');
        MarkdownText.AppendEscaped(builder, document.HasPlaceholders
            ? $"{document.WordCount.Describe()}. Text in [brackets] is a placeholder to fill in."
            : $"{document.WordCount.Describe()}.");
        builder.Append("*\n\n");

        foreach (var section in document.Sections)
        {
            AppendSection(builder, section);
        }

        builder.Append("## Diagram\n\n```mermaid\n").Append(MermaidGantt.Render(document.Diagram)).Append("```\n\n");
        AppendTranscript(builder, document.Transcript);
        return builder.ToString();
    }

    /// <summary>One section with its <c>##</c> heading, e.g. the Timeline for the <c>timeline</c> verb.</summary>
    public static string RenderSection(PostmortemSection section)
    {
        var builder = new StringBuilder(1024);
        AppendSection(builder, section);
        return builder.ToString();
    }

    private static void AppendSection(StringBuilder builder, PostmortemSection section)
    {
        builder.Append("## ");
        MarkdownText.AppendEscaped(builder, section.Heading);
        builder.Append("\n\n");
        foreach (var block in section.Blocks)
        {
            switch (block)
            {
                case ParagraphBlock paragraph:
                    MarkdownText.Append(builder, paragraph.Text);
                    builder.Append("\n\n");
                    break;
                case SubheadingBlock subheading:
                    builder.Append("### ");
                    MarkdownText.AppendEscaped(builder, subheading.Text);
                    builder.Append("\n\n");
                    break;
                case BulletListBlock list:
                    foreach (var item in list.Items)
                    {
                        builder.Append(list.Checkboxes ? "- [ ] " : "- ");
                        MarkdownText.Append(builder, item, list.Checkboxes ? "      " : BulletIndent);
                        builder.Append('\n');
                    }

                    builder.Append('\n');
                    break;
                case TimelineBlock timeline:
                    AppendTimeline(builder, timeline);
                    break;
                default:
                    throw new NotSupportedException($"No Markdown for {block.GetType().Name}.");
            }
        }
    }

    private static void AppendTimeline(StringBuilder builder, TimelineBlock timeline)
    {
        foreach (var day in timeline.Days)
        {
            if (day.Heading is { } heading)
            {
                builder.Append("### ").Append(heading).Append("\n\n");
            }

            foreach (var item in day.Items)
            {
                builder.Append("- ").Append(item.TimeLabel).Append(" - **");
                MarkdownText.AppendEscaped(builder, item.Kind);
                builder.Append("**");
                if (item.Author is { } author)
                {
                    builder.Append(" - ");
                    MarkdownText.AppendEscaped(builder, author.DisplayName);
                }

                builder.Append(": ");
                MarkdownText.Append(builder, item.Text, BulletIndent);
                AppendLink(builder, item.Link, item.Origin switch
                {
                    TimelineItemOrigin.Message => "message",
                    TimelineItemOrigin.Page => "page",
                    _ => "command",
                });
                builder.Append('\n');
            }

            builder.Append('\n');
        }
    }

    private static void AppendTranscript(StringBuilder builder, Transcript transcript)
    {
        builder.Append("## Appendix: Transcript\n\n");
        if (transcript.Lines.Count == 0)
        {
            builder.Append("*No messages were recorded.*\n");
            return;
        }

        builder.Append("Every recorded message except deleted ones; edited messages show their final text. ")
            .Append("Thread replies are indented under the message they answer.\n");
        DateOnly? day = null;
        foreach (var line in transcript.Lines)
        {
            if (transcript.MultiDay && !line.IsReply && line.Date != day)
            {
                day = line.Date;
                builder.Append("\n### ").Append(IncidentClock.Day(line.Date)).Append("\n\n");
            }
            else if (day is null)
            {
                day = line.Date;
                builder.Append('\n');
            }

            var indent = line.IsReply ? "    " : BulletIndent;
            builder.Append(line.IsReply ? "  - ↳ " : "- ");

            // A message whose link points into this appendix becomes the anchor that its timeline line links to.
            var anchored = line.Link is { } link && MessageAnchor.IsHref(link);
            if (anchored)
            {
                builder.Append("<a id=\"").Append(line.Link.AsSpan(1)).Append("\"></a>");
            }

            builder.Append(line.TimeLabel).Append(' ');
            MarkdownText.AppendEscaped(builder, line.Author.DisplayName);
            builder.Append(": ");
            MarkdownText.AppendEscaped(builder, line.Text, indent);
            if (line.Edited)
            {
                builder.Append(" *(edited)*");
            }

            if (!anchored)
            {
                AppendLink(builder, line.Link, "message");
            }

            builder.Append('\n');
        }
    }

    /// <summary>Entries without a permalink (the platform gave none, e.g. the web sandbox) get no link.</summary>
    private static void AppendLink(StringBuilder builder, string? link, string label)
    {
        if (MarkdownText.SafeUrl(link) is { } url)
        {
            builder.Append(" ([").Append(label).Append("](<").Append(url).Append(">))");
        }
    }
}
