using ScribeBot.Core.Links;
using ScribeBot.Core.Postmortem.Document;
using ScribeBot.Core.Text;

namespace ScribeBot.Core.Postmortem.ChannelVersion;

/// <summary>
/// Cuts a full draft to its channel version, which a reader takes in at a glance: at most <see cref="WordBudget"/>
/// words with the lead, title, meta line, warnings and word-count line, so that with a platform's own markers it stays
/// within the 400-600 word guideline. Every paragraph and list item is cut at <see cref="MaxLineChars"/>, every
/// timeline line at <see cref="MaxTimelineChars"/> (a cut line ends with a link to its message when it has one), lists
/// past the Issue Summary keep their first <see cref="MaxListItems"/> items, what the Issue Summary or the timeline
/// already says is not repeated further down, and the timeline keeps the lines
/// <see cref="TimelineSelection"/> ranks first in the words left. Whatever is left out is counted and the reader told
/// where the full draft is.
/// </summary>
public static class ChannelDraftBuilder
{
    /// <summary>
    /// Words of the channel version, its second title line included; 20 are left for what a platform adds of its own
    /// ("(continued 2/2)", Teams' link to the Markdown draft).
    /// </summary>
    public const int WordBudget = 580;

    public const int MaxLineChars = 300;

    public const int MaxTimelineChars = 200;

    public const int MaxListItems = 5;

    /// <summary>Words kept aside for the "N more timeline entries" line.</summary>
    private const int NoteWords = 20;

    private const int PlaceholderNoteWords = 10;

    /// <param name="full">The full draft (<see cref="Building.PostmortemDraft.Build"/>).</param>
    /// <param name="lead">Its lead (<see cref="LeadBuilder.Build"/>).</param>
    /// <param name="fullDraftPlace">Where the reader finds the full draft, as the end of "... is in ___": e.g. a link
    /// to the incident's dashboard page, or "the Markdown file in this thread".</param>
    public static ChannelDraft Build(PostmortemDocument full, PostmortemLead lead, ChatText fullDraftPlace)
    {
        ArgumentNullException.ThrowIfNull(full);
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(fullDraftPlace);

        var said = new Said(
            full.Sections.Where(s => s.Heading == PostmortemHeadings.IssueSummary).SelectMany(s => s.Blocks).OfType<BulletListBlock>()
                .SelectMany(list => list.Items).Select(item => item.ToPlainString()).ToHashSet(StringComparer.Ordinal),
            full.Sections.SelectMany(s => s.Blocks).OfType<TimelineBlock>().SelectMany(t => t.Items)
                .Select(item => item.Link).OfType<string>().ToHashSet(StringComparer.Ordinal));
        var sections = full.Sections
            .Select(section => section.Heading == PostmortemHeadings.Timeline ? section : Shrink(section, said, fullDraftPlace))
            .ToList();
        // The title twice: the part after the summary repeats it in its "(continued 2/2)" line. The word-count line may
        // go on with the renderers' "Text in [brackets] is a placeholder to fill in." (PlaceholderNoteWords).
        var used = (2 * ChannelWords.Count(full.Title)) + ChannelWords.Count(full.Meta)
            + full.Warnings.Sum(w => ChannelWords.Count(w.Message)) + ChannelWords.Count(full.WordCount.Describe()) + PlaceholderNoteWords
            + lead.Lines.Sum(ChannelWords.Count)
            + sections.Where(s => s.Heading != PostmortemHeadings.Timeline).Sum(ChannelWords.Count);

        var leftOut = 0;
        for (var i = 0; i < sections.Count; i++)
        {
            if (sections[i].Heading == PostmortemHeadings.Timeline)
            {
                var budget = WordBudget - used - NoteWords - ChannelWords.Count(sections[i].Heading);
                (sections[i], leftOut) = Timeline(sections[i], budget, fullDraftPlace);
            }
        }

        return new ChannelDraft(full with { Sections = sections }, lead, leftOut);
    }

    /// <summary>What the channel version already says: the Issue Summary's lines and the messages the timeline links.</summary>
    private sealed record Said(HashSet<string> SummaryLines, HashSet<string> TimelineLinks);

    /// <summary>
    /// A section cut to size. Nothing is said twice in a short post: a paragraph after the Issue Summary that repeats one
    /// of its lines word for word is left out (the root cause), and so is a list line that quotes a message the
    /// timeline links to (the supporting messages), with a subheading left over that heads nothing.
    /// </summary>
    private static PostmortemSection Shrink(PostmortemSection section, Said said, ChatText place)
    {
        var summary = section.Heading == PostmortemHeadings.IssueSummary;
        var blocks = new List<PostmortemBlock>(section.Blocks.Count + 1);
        foreach (var block in section.Blocks)
        {
            switch (block)
            {
                case ParagraphBlock paragraph when !summary && said.SummaryLines.Contains(paragraph.Text.ToPlainString()):
                    break;
                case ParagraphBlock paragraph:
                    blocks.Add(new ParagraphBlock(TextShortener.Shorten(paragraph.Text, MaxLineChars)));
                    break;
                case BulletListBlock list:
                    var items = list.Items
                        .Where(item => summary || !item.Runs.Any(run => run.Style == RunStyle.Link && run.Url is { } url && said.TimelineLinks.Contains(url)))
                        .Select(item => TextShortener.Shorten(item, MaxLineChars))
                        .ToList();
                    if (items.Count == 0)
                    {
                        if (blocks.Count > 0 && blocks[^1] is SubheadingBlock)
                        {
                            blocks.RemoveAt(blocks.Count - 1);
                        }

                        break;
                    }

                    if (summary || items.Count <= MaxListItems)
                    {
                        blocks.Add(list with { Items = items });
                        break;
                    }

                    // The count of the rest is a line of its own after the list: in a task list it is no task.
                    blocks.Add(list with { Items = items.Take(MaxListItems).ToList() });
                    blocks.Add(new ParagraphBlock(
                        new ChatTextBuilder().Emphasis($"{items.Count - MaxListItems} more in ").Build() + place + ChatText.Of(".")));
                    break;
                default:
                    blocks.Add(block);
                    break;
            }
        }

        return section with { Blocks = blocks };
    }

    private static (PostmortemSection Section, int LeftOut) Timeline(PostmortemSection section, int wordBudget, ChatText place)
    {
        var blocks = new List<PostmortemBlock>(section.Blocks.Count + 1);
        var leftOut = 0;
        foreach (var block in section.Blocks)
        {
            if (block is not TimelineBlock timeline)
            {
                blocks.Add(block);
                continue;
            }

            var shortened = timeline.Days
                .Select(day => day with { Items = [.. day.Items.Select(Shorten)] })
                .ToList();
            var items = shortened.SelectMany(day => day.Items).ToList();
            var kept = TimelineSelection.Select(items, wordBudget, ChannelWords.Count);
            var days = shortened
                .Select(day => day with { Items = [.. day.Items.Where(kept.Contains)] })
                .Where(day => day.Items.Count > 0)
                .ToList();
            blocks.Add(new TimelineBlock(days));
            leftOut += items.Count - kept.Count;
        }

        if (leftOut > 0)
        {
            var what = leftOut == 1 ? "1 more timeline entry is" : $"{leftOut} more timeline entries are";
            blocks.Add(new ParagraphBlock(new ChatTextBuilder().Emphasis($"{what} left out here; the full timeline is in ").Build()
                + place + ChatText.Of(".")));
        }

        return (section with { Blocks = blocks }, leftOut);
    }

    /// <summary>The item's text cut at <see cref="MaxTimelineChars"/>; a cut line links to its message when it can.</summary>
    private static TimelineItem Shorten(TimelineItem item)
    {
        var text = TextShortener.Shorten(item.Text, MaxTimelineChars);
        if (ReferenceEquals(text, item.Text))
        {
            return item;
        }

        return item with
        {
            Text = SafeLink.IsWebAddress(item.Link)
                ? text + new ChatTextBuilder().Plain(" (").Link("full message", item.Link).Plain(")").Build()
                : text,
        };
    }
}
