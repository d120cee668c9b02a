using ScribeBot.Core.Text;

namespace ScribeBot.Core.Postmortem.Document;

/// <summary>One block of a section. Renderers switch over the closed set of derived records below.</summary>
public abstract record PostmortemBlock;

/// <summary>A paragraph. Newlines inside it are line breaks within the paragraph.</summary>
public sealed record ParagraphBlock(ChatText Text) : PostmortemBlock;

/// <summary>A small heading inside a section.</summary>
public sealed record SubheadingBlock(string Text) : PostmortemBlock;

/// <summary>A bullet list; with <paramref name="Checkboxes"/> each item is an open task (<c>- [ ]</c>).</summary>
public sealed record BulletListBlock(IReadOnlyList<ChatText> Items, bool Checkboxes = false) : PostmortemBlock;

/// <summary>
/// The timeline, as days of items. <see cref="TimelineDay.Heading"/> is set only when the items span more than
/// one local day of the incident's time zone.
/// </summary>
public sealed record TimelineBlock(IReadOnlyList<TimelineDay> Days) : PostmortemBlock
{
    public IEnumerable<TimelineItem> Items => Days.SelectMany(d => d.Items);
}
