using ScribeBot.Core.Incidents;
using ScribeBot.Core.Postmortem.Building;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Postmortem.Markdown;

/// <summary>The timeline so far, as Markdown, for the <c>timeline</c> verb (the incident may still be open).</summary>
public static class TimelineMarkdown
{
    public static string Render(Incident incident, IReadOnlyList<TimelineEntry> entries)
    {
        var section = PostmortemDraft.BuildTimeline(incident, entries);
        var title = MarkdownText.Escape($"{incident.DisplayId}: {incident.Title}");
        var status = MarkdownText.Escape(PostmortemDraft.TimelineStatusLine(incident));
        return $"# {title}\n\n{status}\n\n{PostmortemMarkdown.RenderSection(section)}";
    }
}
