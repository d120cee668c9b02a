using ScribeBot.Core.Postmortem.Building;
using ScribeBot.Core.Postmortem.Document;
using ScribeBot.Core.Text;

namespace ScribeBot.Core.Postmortem.ChannelVersion;

/// <summary>
/// Words a channel reader sees, by the draft's own word rule (<see cref="WordCounter"/>) but counting everything
/// posted: headings, placeholders and link labels too, since they take the reader's time as much as prose does.
/// </summary>
internal static class ChannelWords
{
    public static int Count(string? text) => WordCounter.Count(text);

    public static int Count(ChatText text) => text.Runs.Sum(run => WordCounter.Count(run.Text));

    public static int Count(TimelineItem item) =>
        Count(item.TimeLabel) + Count(item.Kind) + Count(item.Author?.DisplayName) + Count(item.Text);

    public static int Count(PostmortemSection section) => Count(section.Heading) + section.Blocks.Sum(Count);

    public static int Count(PostmortemBlock block) => block switch
    {
        ParagraphBlock paragraph => Count(paragraph.Text),
        SubheadingBlock subheading => Count(subheading.Text),
        BulletListBlock list => list.Items.Sum(Count),
        TimelineBlock timeline => timeline.Days.Sum(day => Count(day.Heading) + day.Items.Sum(Count)),
        _ => 0,
    };
}
