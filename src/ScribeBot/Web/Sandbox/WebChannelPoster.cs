using ScribeBot.Core.Channels;
using ScribeBot.Core.Commands;
using ScribeBot.Core.Followups;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Outbox;
using ScribeBot.Core.Postmortem.Building;
using ScribeBot.Core.Postmortem.Markdown;
using ScribeBot.Core.Postmortem.Picture;
using ScribeBot.Core.Storage;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Web.Sandbox;

/// <summary>
/// Delivers the outbox's web posts into the sandbox feed: announcements as text, the timeline and the draft rendered
/// from the store at delivery (like every platform) as the core's Markdown, shown as HTML by <see cref="PostmortemHtml"/>
/// (Markdig, raw HTML off). Always configured: the feed is in this process. A post delivered twice (at-least-once) is
/// shown once, by its outbox id.
/// </summary>
internal sealed class WebChannelPoster(SandboxFeed feed, IIncidentStore store, ITimelinePicture picture, TimeProvider time, FollowupStates? states = null) : IChannelPoster
{
    public ChatPlatform Platform => ChatPlatform.Web;

    public bool IsConfigured => true;

    public async Task<DeliveryResult> DeliverAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var rendered = await RenderAsync(item.Post, cancellationToken).ConfigureAwait(false);
        if (rendered is not var (kind, html))
        {
            return DeliveryResult.Permanent($"nothing to post: {item.Post.GetType().Name} for an incident that does not exist");
        }

        feed.Add(item.Channel, new SandboxFeedItem
        {
            Id = item.Id,
            Kind = kind,
            At = time.GetUtcNow(),
            Author = SandboxFeedItem.BotName,
            Html = html,
            IncidentId = item.IncidentId,
            VisibleTo = (item.Post as PrivatePost)?.Recipient.DisplayName,
        });
        return DeliveryResult.Delivered;
    }

    private async Task<(SandboxItemKind Kind, string Html)?> RenderAsync(ChannelPost post, CancellationToken cancellationToken)
    {
        switch (post)
        {
            case AnnouncementPost announcement:
                return (SandboxItemKind.Announcement, SandboxHtml.FromChatText(announcement.Text));
            case PrivatePost notice:
                return (SandboxItemKind.Announcement, SandboxHtml.FromChatText(notice.Text));
            case TimelinePost timeline:
                var sofar = await store.GetWithTimelineAsync(timeline.IncidentId, cancellationToken).ConfigureAwait(false);
                return sofar is var (incident, entries)
                    ? (SandboxItemKind.Timeline, PostmortemHtml.RenderFragment(TimelineMarkdown.Render(incident, entries)))
                    : null;
            case PostmortemPost postmortem:
                var found = await store.GetWithTimelineAsync(postmortem.IncidentId, cancellationToken).ConfigureAwait(false);
                return found is var (resolved, timelineEntries)
                    ? (SandboxItemKind.Draft, DraftHtml(states is null ? resolved : await states.ShowAsync(resolved, cancellationToken).ConfigureAwait(false), timelineEntries))
                    : null;
            default:
                return null;
        }
    }

    /// <summary>
    /// The draft with the timeline picture where its Markdown has the Mermaid source, as Slack and Teams carry it. The
    /// sandbox page is behind the dashboard's access rule, so the picture's own address reaches it.
    /// </summary>
    private string DraftHtml(Incident incident, IReadOnlyList<TimelineEntry> entries)
    {
        var draft = PostmortemDraft.Build(incident, entries);
        return PostmortemHtml.RenderFragment(PostmortemMarkdown.Render(draft), DraftPicture.Linked(picture.Describe(incident, draft.Diagram), incident.Id));
    }
}
