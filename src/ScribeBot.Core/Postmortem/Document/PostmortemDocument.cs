using ScribeBot.Core.Text;

namespace ScribeBot.Core.Postmortem.Document;

/// <summary>
/// A postmortem draft, independent of any chat platform: Markdown, Slack Block Kit and Teams renderers all
/// render this one model. All text is literal (<see cref="ChatText"/>); renderers escape it.
/// </summary>
/// <param name="Title">e.g. <c>INC-42: Checkout returns 502</c>.</param>
/// <param name="Meta">The line under the title: severity, status, commander, time zone.</param>
/// <param name="Warnings">Order problems among the incident's instants; empty when the order is possible.</param>
/// <param name="WordCount">Words of the four sections' body, against the 400-600 guideline.</param>
/// <param name="Sections">Issue Summary, Timeline, Root Cause and Resolution, Corrective and Preventative Measures.</param>
/// <param name="Diagram">The phases and tagged events, for a Mermaid diagram or an image.</param>
/// <param name="Transcript">Every kept entry, threads grouped under their parent.</param>
public sealed record PostmortemDocument(
    string Title,
    ChatText Meta,
    IReadOnlyList<OrderWarning> Warnings,
    WordCount WordCount,
    IReadOnlyList<PostmortemSection> Sections,
    PostmortemDiagram Diagram,
    Transcript Transcript)
{
    /// <summary>
    /// True when a section still shows a placeholder for a fact the bot does not have; every renderer then tells the
    /// reader that text in brackets is to be filled in.
    /// </summary>
    public bool HasPlaceholders => Sections.SelectMany(section => section.Blocks).Any(block => block switch
    {
        ParagraphBlock paragraph => HasPlaceholder(paragraph.Text),
        BulletListBlock list => list.Items.Any(HasPlaceholder),
        TimelineBlock timeline => timeline.Items.Any(item => HasPlaceholder(item.Text)),
        _ => false,
    });

    private static bool HasPlaceholder(ChatText text) => text.Runs.Any(run => run.Style == RunStyle.Placeholder);
}

/// <summary>A headed section of the draft.</summary>
public sealed record PostmortemSection(string Heading, IReadOnlyList<PostmortemBlock> Blocks);
