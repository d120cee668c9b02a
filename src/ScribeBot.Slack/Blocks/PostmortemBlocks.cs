using System.Text;
using System.Text.Json.Nodes;
using ScribeBot.Core.Postmortem.ChannelVersion;
using ScribeBot.Core.Postmortem.Document;
using ScribeBot.Core.Text;
using ScribeBot.Slack.Text;

namespace ScribeBot.Slack.Blocks;

/// <summary>
/// The postmortem draft's channel version (<see cref="ChannelDraft"/>) as Block Kit messages within Slack's limits: a
/// header per section heading, bullets packed several to a section up to 3,000 characters, a context block with the
/// word count, a divider between sections. The first message is the title, the lead (what broke, for how long, why)
/// and the Issue Summary, and nothing else, so that what is posted next in its thread (the timeline picture) comes
/// right after the summary; the other sections follow in the thread, marked "(continued 2/3)". The transcript
/// appendix and the diagram are not here: they go in the uploaded Markdown file.
/// </summary>
internal static class PostmortemBlocks
{
    private const string Bullet = "• ";
    private const string Box = "☐ ";

    public static IReadOnlyList<SlackMessagePayload> Render(ChannelDraft draft)
    {
        var document = draft.Document;
        var first = new List<JsonObject> { BlockKit.Header(document.Title) };
        AddText(first, document.Meta);
        AddText(first, draft.Lead.Lines.Aggregate((all, line) => all + ChatText.Of("\n") + line));
        foreach (var warning in document.Warnings)
        {
            AddText(first, ChatText.Of(":warning: ") + warning.Message);
        }

        first.Add(BlockKit.Context(SlackMrkdwn.EscapeWithin(
            document.HasPlaceholders ? $"{document.WordCount.Describe()}. Text in [brackets] is a placeholder to fill in." : document.WordCount.Describe(),
            2000)));

        foreach (var section in draft.FirstPart)
        {
            first.Add(BlockKit.Divider());
            AddSection(first, section);
        }

        var rest = new List<JsonObject>();
        foreach (var section in draft.Rest)
        {
            rest.Add(BlockKit.Divider());
            AddSection(rest, section);
        }

        return Paginate([first, rest], document.Title, "postmortem draft");
    }

    /// <summary>One section under a title, e.g. the timeline so far for the <c>timeline</c> verb.</summary>
    public static IReadOnlyList<SlackMessagePayload> RenderSection(string title, ChatText meta, PostmortemSection section)
    {
        var blocks = new List<JsonObject> { BlockKit.Header(title) };
        AddText(blocks, meta);
        blocks.Add(BlockKit.Divider());
        AddSection(blocks, section);
        return Paginate([blocks], title, section.Heading.ToLowerInvariant());
    }

    private static void AddSection(List<JsonObject> blocks, PostmortemSection section)
    {
        blocks.Add(BlockKit.Header(section.Heading));
        foreach (var block in section.Blocks)
        {
            switch (block)
            {
                case ParagraphBlock paragraph:
                    AddText(blocks, paragraph.Text);
                    break;
                case SubheadingBlock subheading:
                    AddText(blocks, new ChatTextBuilder().Strong(subheading.Text).Build());
                    break;
                case BulletListBlock list:
                    AddLines(blocks, list.Items.Select(item => (list.Checkboxes ? Box : Bullet, item)));
                    break;
                case TimelineBlock timeline:
                    foreach (var day in timeline.Days)
                    {
                        if (day.Heading is { } heading)
                        {
                            AddText(blocks, new ChatTextBuilder().Strong(heading).Build());
                        }

                        AddLines(blocks, day.Items.Select(item => (Bullet, TimelineLine(item))));
                    }

                    break;
                default:
                    throw new NotSupportedException($"No Block Kit for {block.GetType().Name}.");
            }
        }
    }

    /// <summary><c>&lt;permalink|HH:MM&gt; - *Kind* - Author: text</c>; the time links to the source message.</summary>
    private static ChatText TimelineLine(TimelineItem item)
    {
        var builder = new ChatTextBuilder();
        if (item.Link is not null && SlackMrkdwn.SafeUrl(item.Link) is not null)
        {
            builder.Link(item.TimeLabel, item.Link);
        }
        else
        {
            builder.Plain(item.TimeLabel);
        }

        builder.Plain(" - ").Strong(item.Kind);
        builder.Plain(item.Author is { } author ? $" - {author.DisplayName}: " : ": ");
        return builder.Build() + item.Text;
    }

    private static void AddText(List<JsonObject> blocks, ChatText text)
    {
        foreach (var chunk in SlackMrkdwn.RenderChunks(text, SlackLimits.MaxSectionText))
        {
            if (chunk.Trim().Length > 0)
            {
                blocks.Add(BlockKit.Section(chunk));
            }
        }
    }

    /// <summary>Lines (bullets) packed into as few sections as fit; a line longer than a section is split over several.</summary>
    private static void AddLines(List<JsonObject> blocks, IEnumerable<(string Prefix, ChatText Text)> lines)
    {
        var current = new StringBuilder();
        void Flush()
        {
            if (current.Length > 0)
            {
                blocks.Add(BlockKit.Section(current.ToString()));
                current.Clear();
            }
        }

        foreach (var (prefix, text) in lines)
        {
            var chunks = SlackMrkdwn.RenderChunks(text, SlackLimits.MaxSectionText - prefix.Length);
            for (var i = 0; i < chunks.Count; i++)
            {
                var line = (i == 0 ? prefix : "") + chunks[i];
                var separator = current.Length > 0 ? 1 : 0;
                if (current.Length + separator + line.Length > SlackLimits.MaxSectionText)
                {
                    Flush();
                    separator = 0;
                }

                if (separator > 0)
                {
                    current.Append('\n');
                }

                current.Append(line);
            }
        }

        Flush();
    }

    /// <summary>The blocks as messages; each of <paramref name="parts"/> starts a message of its own.</summary>
    private static List<SlackMessagePayload> Paginate(IReadOnlyList<List<JsonObject>> parts, string title, string what)
    {
        // One block of every later message is its "(continued i/n)" context; plan for it in all of them.
        const int room = SlackLimits.MaxBlocks - 1;
        const int textRoom = SlackLimits.MaxMessageText - 200;
        var pages = new List<List<JsonObject>>();
        var page = new List<JsonObject>();
        var pageText = 0;
        foreach (var (block, startsPart) in parts.SelectMany(part => part.Select((block, i) => (block, i == 0))))
        {
            var type = BlockKit.TypeOf(block);
            var length = BlockKit.TextLength(block);

            // A header or divider never ends a page: it belongs with what follows it.
            var needs = type is "header" or "divider" ? 2 : 1;
            if (page.Count > 0 && (startsPart || page.Count + needs > room || pageText + length > textRoom))
            {
                pages.Add(page);
                page = [];
                pageText = 0;
            }

            if (page.Count == 0 && type == "divider")
            {
                continue;
            }

            page.Add(block);
            pageText += length;
        }

        if (page.Count > 0)
        {
            pages.Add(page);
        }

        var messages = new List<SlackMessagePayload>(pages.Count);
        for (var i = 0; i < pages.Count; i++)
        {
            var marker = pages.Count == 1 ? "" : i == 0 ? $" (1/{pages.Count})" : $" (continued {i + 1}/{pages.Count})";
            var content = pages[i];
            if (i > 0)
            {
                content.Insert(0, BlockKit.Context(SlackMrkdwn.EscapeWithin(title + marker, 2000)));
            }

            var fallback = SlackMrkdwn.EscapeWithin($"{title} - {what}{marker}", SlackLimits.MaxFallbackText);
            messages.Add(new SlackMessagePayload(fallback, content));
        }

        return messages;
    }
}
