using ScribeBot.Core.Incidents;
using ScribeBot.Core.Postmortem.Document;
using ScribeBot.Core.Text;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Postmortem.Building;

/// <summary>
/// Root Cause and Resolution: the two recorded facts (or their placeholders), then the chat messages tagged as root
/// cause or resolution that support them.
/// </summary>
internal static class RootCauseSection
{
    public static PostmortemSection Build(Incident incident, IReadOnlyList<TimelineEntry> entries, IncidentClock clock)
    {
        var blocks = new List<PostmortemBlock>
        {
            new ParagraphBlock(new ChatTextBuilder().Strong("Root cause:").Plain(" ").Fact(incident.RootCause, Placeholders.RootCause).Build()),
        };

        var resolution = new ChatTextBuilder().Strong("Resolution:").Plain(" ");
        if (incident.Resolution is { Length: > 0 } text)
        {
            resolution.Plain(text);
        }
        else if (incident.Resolved is null)
        {
            resolution.Strong("ongoing").Plain(" - the incident is not resolved yet. ").Placeholder(Placeholders.Resolution);
        }
        else
        {
            resolution.Placeholder(Placeholders.Resolution);
        }

        blocks.Add(new ParagraphBlock(resolution.Build()));

        var evidence = entries
            // Chat messages only: a command's entry restates the paragraph above and is already in the timeline.
            .Where(e => !e.Deleted && e.Source == EntrySource.Message && (e.Has(TimelineTag.RootCause) || e.Has(TimelineTag.Resolution)))
            .Select(e =>
            {
                var line = new ChatTextBuilder()
                    .Plain($"{clock.Time(e.At)} - ")
                    .Strong(e.Has(TimelineTag.RootCause) ? "Root cause" : "Resolution")
                    .Plain($" - {e.Author.DisplayName}: ")
                    .Plain(e.Text);
                if (e.Permalink is { } link)
                {
                    line.Plain(" (").Link("message", link).Plain(")");
                }

                return line.Build();
            })
            .ToList();
        if (evidence.Count > 0)
        {
            blocks.Add(new SubheadingBlock("Supporting messages"));
            blocks.Add(new BulletListBlock(evidence));
        }

        return new PostmortemSection(PostmortemHeadings.RootCause, blocks);
    }
}
