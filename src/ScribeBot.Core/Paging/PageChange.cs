using ScribeBot.Core.Commands;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Paging;

/// <summary>What one page event does to an incident: the changed incident, its new entries and its posts, stored in one commit.</summary>
internal sealed record PageChange(Incident Incident, IReadOnlyList<TimelineEntry> Entries, IReadOnlyList<ChannelPost> Posts)
{
    /// <summary>This change followed by <paramref name="next"/>, which was made from this change's incident.</summary>
    public PageChange Then(PageChange next) => new(next.Incident, [.. Entries, .. next.Entries], [.. Posts, .. next.Posts]);
}
