using ScribeBot.Core.Channels;
using ScribeBot.Core.Commands;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Text;

namespace ScribeBot.Core.Followups;

/// <summary>
/// What asking for an incident's follow-ups does, decided once for <c>/incident followups</c> and the editor's
/// "Create issues" button alike: refused when the channel has no tracker (naming the settings), nothing when every task
/// has an issue, else one <see cref="FollowupsPost"/> for the tasks without one (<see cref="FollowupDelivery"/> does
/// the work, exactly once).
/// </summary>
public sealed record FollowupRequest
{
    public const string NotConfigured =
        "Follow-ups are not configured for this channel. An admin sets Followups:GitHub:Token and Followups:GitHub:Repository, or Followups:Tracker with Followups:Jira:* or Followups:Linear:* (README, \"Follow-ups\").";

    private FollowupRequest(Incident numbered, IFollowupTracker? tracker)
    {
        Incident = numbered;
        Tracker = tracker;
    }

    /// <summary>The incident, its tasks numbered as the delivery will number tasks stored before numbers existed.</summary>
    public Incident Incident { get; }

    /// <summary>The channel's tracker; null when none is configured (the request is refused).</summary>
    public IFollowupTracker? Tracker { get; }

    /// <summary>The tasks without an issue: what a request queues.</summary>
    public IReadOnlyList<IncidentTask> Pending => Incident.UnlinkedTasks;

    /// <summary>True when a request queues work: a tracker is configured and some task has no issue.</summary>
    public bool Queues => Tracker is not null && Pending.Count > 0;

    /// <summary>What the requester is told: the tasks queued, that there is nothing to do, or the settings to fix.</summary>
    public ChatText Answer => Tracker switch
    {
        null => ChatText.Of(NotConfigured),
        { } tracker when Pending.Count > 0 => FollowupReport.Queued(Incident, tracker, Pending),
        _ => FollowupReport.NothingToDo(Incident),
    };

    public static FollowupRequest For(Incident incident, IFollowupTrackers? trackers)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return new FollowupRequest(incident.NumberTasks(), trackers?.For(incident.Channel));
    }

    /// <summary>The post that queues the work, in the channel's follow-up lane, answered to <paramref name="requester"/>.</summary>
    public static FollowupsPost Post(Incident incident, Person requester)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return new FollowupsPost(FollowupLane.Of(incident.Channel), incident.Id, requester);
    }
}
