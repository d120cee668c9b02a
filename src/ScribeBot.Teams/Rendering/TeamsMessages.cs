using System.Text;
using ScribeBot.Core.Postmortem.ChannelVersion;
using ScribeBot.Core.Postmortem.Document;
using ScribeBot.Core.Text;

namespace ScribeBot.Teams.Rendering;

/// <summary>
/// Announcements, the timeline so far and the postmortem draft as Teams message HTML (<c>textFormat: "xml"</c>),
/// each within <see cref="TeamsLimits.MaxMessageChars"/>. Built from paragraphs (<c>&lt;p&gt;</c>) of lines
/// (<c>&lt;br/&gt;</c>); headings are bold lines and lists are "• " lines, because Teams documents neither headings
/// nor (on mobile) lists for text messages. What does not fit in one message continues in the next, which starts
/// with "title (continued 2/3)"; a list is split between items, a line longer than a message is cut and goes on
/// after "(continued)"; nothing is dropped and every message is well-formed on its own. As in Slack, the diagram
/// (Mermaid, which Teams cannot show) and the transcript appendix are not posted: they are in the Markdown draft.
/// </summary>
internal static class TeamsMessages
{
    private const string Bullet = "• ";
    private const string Box = "☐ ";
    private const string Warning = "⚠️ ";
    private const string ParagraphOpen = "<p>";
    private const string ParagraphClose = "</p>";

    /// <summary>Less room than this left in a message, and a line too long for any message starts in the next one.</summary>
    private const int MinCutPiece = 500;

    /// <summary>
    /// An announcement or reply: one message, more only if the text is over the budget; none for empty text. Each group
    /// of lines (<see cref="ChatTextLayout"/>) is a paragraph and each line ends in a line break, so <c>help</c> and
    /// <c>status</c> read one command or fact per line.
    /// </summary>
    public static IReadOnlyList<string> Announcement(ChatText text) =>
        Paginate(ChatTextLayout.Groups(text) is { Count: > 0 } groups ? [.. groups.Select(group => new Paragraph(group))] : [new Paragraph([text])], title: null);

    /// <summary>One section under a title, e.g. the timeline so far for the <c>timeline</c> verb.</summary>
    public static IReadOnlyList<string> Section(string title, ChatText meta, PostmortemSection section)
    {
        var paragraphs = new List<Paragraph> { Heading(title), new([meta]) };
        AddSection(paragraphs, section);
        return Paginate(paragraphs, title);
    }

    /// <summary>
    /// The draft's channel version: title, meta line, the lead (what broke, for how long, why), order warnings, word
    /// count and the Issue Summary in the first message and nothing else, so that what is sent next (the timeline
    /// picture) comes right after the summary; then the other sections and a link to the full Markdown draft (with the
    /// diagram and the transcript) when <paramref name="markdownUrl"/> is given.
    /// </summary>
    public static IReadOnlyList<string> Draft(ChannelDraft draft, string? markdownUrl)
    {
        var document = draft.Document;
        var paragraphs = new List<Paragraph> { Heading(document.Title), new([document.Meta]), new(draft.Lead.Lines) };
        foreach (var warning in document.Warnings)
        {
            paragraphs.Add(new([ChatText.Of(Warning) + warning.Message]));
        }

        paragraphs.Add(new([new ChatTextBuilder().Emphasis(document.HasPlaceholders
            ? $"{document.WordCount.Describe()}. Text in [brackets] is a placeholder to fill in."
            : $"{document.WordCount.Describe()}.").Build()]));

        foreach (var section in draft.FirstPart)
        {
            AddSection(paragraphs, section);
        }

        var rest = paragraphs.Count;
        foreach (var section in draft.Rest)
        {
            AddSection(paragraphs, section);
        }

        if (markdownUrl is not null)
        {
            paragraphs.Add(new([new ChatTextBuilder()
                .Link("Full draft as Markdown", markdownUrl)
                .Plain(" (with the timeline diagram and the transcript)")
                .Build()]));
        }

        if (rest < paragraphs.Count)
        {
            paragraphs[rest] = paragraphs[rest] with { StartsMessage = true };
        }

        return Paginate(paragraphs, document.Title);
    }

    /// <summary>
    /// Lines shown together; a heading keeps with what follows it, so it never ends a message. A paragraph that
    /// <paramref name="StartsMessage"/> begins a new message even when there is room left in the one before.
    /// </summary>
    private sealed record Paragraph(IReadOnlyList<ChatText> Lines, bool KeepWithNext = false, bool StartsMessage = false);

    private static Paragraph Heading(string text) => new([new ChatTextBuilder().Strong(text).Build()], KeepWithNext: true);

    private static void AddSection(List<Paragraph> paragraphs, PostmortemSection section)
    {
        paragraphs.Add(Heading(section.Heading));
        foreach (var block in section.Blocks)
        {
            switch (block)
            {
                case ParagraphBlock paragraph:
                    paragraphs.Add(new([paragraph.Text]));
                    break;
                case SubheadingBlock subheading:
                    paragraphs.Add(Heading(subheading.Text));
                    break;
                case BulletListBlock list:
                    paragraphs.Add(new(list.Items.Select(item => ChatText.Of(list.Checkboxes ? Box : Bullet) + item).ToList()));
                    break;
                case TimelineBlock timeline:
                    foreach (var day in timeline.Days)
                    {
                        if (day.Heading is { } heading)
                        {
                            paragraphs.Add(Heading(heading));
                        }

                        paragraphs.Add(new(day.Items.Select(item => ChatText.Of(Bullet) + TimelineLine(item)).ToList()));
                    }

                    break;
                default:
                    throw new NotSupportedException($"No Teams HTML for {block.GetType().Name}.");
            }
        }
    }

    /// <summary><c>HH:MM - Kind - Author: text</c>; the time links to the source message, as in Slack.</summary>
    private static ChatText TimelineLine(TimelineItem item)
    {
        var builder = new ChatTextBuilder();
        if (TeamsHtml.SafeHref(item.Link) is not null)
        {
            builder.Link(item.TimeLabel, item.Link!);
        }
        else
        {
            // No permalink, or an anchor into the Markdown transcript, which means nothing in the chat.
            builder.Plain(item.TimeLabel);
        }

        builder.Plain(" - ").Strong(item.Kind);
        builder.Plain(item.Author is { } author ? $" - {author.DisplayName}: " : ": ");
        return builder.Build() + item.Text;
    }

    private static List<string> Paginate(List<Paragraph> paragraphs, string? title)
    {
        // Every message after the first starts with its continuation line; room for the longest one is kept in all.
        var budget = TeamsLimits.MaxMessageChars - ContinuationLine(title, 999_999, 999_999).Length;
        var lineBudget = budget - ParagraphOpen.Length - ParagraphClose.Length;
        var rendered = paragraphs
            .Select(p => p.Lines.Select(line => (Text: line, Html: TeamsHtml.Render(line))).Where(line => line.Html.Trim().Length > 0).ToList())
            .ToList();

        var pages = new List<string>();
        var page = new StringBuilder(TeamsLimits.MaxMessageChars);
        var open = false;

        // The page's length once its open paragraph is closed: what the budget is checked against.
        int Committed() => page.Length + (open ? ParagraphClose.Length : 0);

        int Cost(string html, bool startsParagraph) => startsParagraph || !open
            ? ParagraphOpen.Length + html.Length + ParagraphClose.Length
            : TeamsHtml.LineBreak.Length + html.Length;

        void Flush()
        {
            if (open)
            {
                page.Append(ParagraphClose);
                open = false;
            }

            pages.Add(page.ToString());
            page.Clear();
        }

        void Add(string html, bool startsParagraph)
        {
            if (page.Length > 0 && Committed() + Cost(html, startsParagraph) > budget)
            {
                Flush();
            }

            if (startsParagraph || !open)
            {
                if (open)
                {
                    page.Append(ParagraphClose);
                }

                page.Append(ParagraphOpen);
                open = true;
            }
            else
            {
                page.Append(TeamsHtml.LineBreak);
            }

            page.Append(html);
        }

        for (var p = 0; p < rendered.Count; p++)
        {
            var lines = rendered[p];
            if (lines.Count == 0)
            {
                continue;
            }

            if (paragraphs[p].StartsMessage && page.Length > 0)
            {
                Flush();
            }

            // A run of headings goes to the next message unless it fits here together with the start of what follows.
            if (paragraphs[p].KeepWithNext && (p == 0 || !paragraphs[p - 1].KeepWithNext) && page.Length > 0
                && Committed() + KeptLength(paragraphs, rendered, p, lineBudget) > budget)
            {
                Flush();
            }

            for (var l = 0; l < lines.Count; l++)
            {
                var html = lines[l].Html;
                if (html.Length <= lineBudget)
                {
                    // A line that fits a message is never cut: if it does not fit here, it starts the next one.
                    Add(html, startsParagraph: l == 0);
                    continue;
                }

                // Too long for any message: fill what is left of this one, then go on in the next ones.
                var left = budget - Committed() - Cost("", startsParagraph: l == 0);
                var chunks = TeamsHtml.RenderChunks(lines[l].Text, lineBudget, left >= MinCutPiece ? left : 0);
                for (var c = 0; c < chunks.Count; c++)
                {
                    Add(chunks[c], startsParagraph: l == 0 && c == 0);
                }
            }
        }

        if (page.Length > 0)
        {
            Flush();
        }

        for (var i = 1; i < pages.Count; i++)
        {
            pages[i] = ContinuationLine(title, i + 1, pages.Count) + pages[i];
        }

        return pages;
    }

    /// <summary>
    /// The headings from <paramref name="first"/> on, each a paragraph, and the start of what follows them: its first
    /// line, or as much of it as a message must hold before a line too long for any message is cut.
    /// </summary>
    private static int KeptLength(List<Paragraph> paragraphs, List<List<(ChatText Text, string Html)>> rendered, int first, int lineBudget)
    {
        var length = 0;
        var p = first;
        for (; p < paragraphs.Count && paragraphs[p].KeepWithNext; p++)
        {
            var lines = rendered[p];
            if (lines.Count > 0)
            {
                length += ParagraphOpen.Length + lines.Sum(l => l.Html.Length)
                    + (TeamsHtml.LineBreak.Length * (lines.Count - 1)) + ParagraphClose.Length;
            }
        }

        for (; p < rendered.Count; p++)
        {
            if (rendered[p].Count > 0)
            {
                var next = rendered[p][0].Html.Length;
                return length + ParagraphOpen.Length + (next <= lineBudget ? next : MinCutPiece) + ParagraphClose.Length;
            }
        }

        return length;
    }

    private static string ContinuationLine(string? title, int index, int count)
    {
        var marker = $"(continued {index}/{count})";
        var text = title is null
            ? marker
            : TextShortener.Shorten(title, TeamsLimits.MaxContinuationTitleChars) + " " + marker;
        return ParagraphOpen + TeamsHtml.Render(new ChatTextBuilder().Emphasis(text).Build()) + ParagraphClose;
    }
}
