using ScribeBot.Core.Followups;
using ScribeBot.Core.Outbox;

namespace ScribeBot.Web.Dashboard;

/// <summary>
/// The editor's "Create issues" section: whether the button can do anything (a tracker is configured and some task has
/// no issue), what it would do, and, after a press, what became of it. The delivery runs in the outbox after the
/// redirect, so the page reads the press's outbox item: still waiting, done, or abandoned with the tracker's refusal
/// naming the setting to fix (the text <c>/incident followups</c> answers privately, kept as the item's reason).
/// </summary>
public sealed record FollowupPanel(bool Enabled, string Hint, string? Outcome, bool Refused)
{
    public static async Task<FollowupPanel> LoadAsync(
        FollowupRequest request, IOutboxStore outbox, string? pressedKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(outbox);
        var hint = HintFor(request);
        if (request.Tracker is not { } tracker || !Guid.TryParseExact(pressedKey, "N", out _)
            || await outbox.GetAsync(FollowupRequests.ItemId(request.Incident.Channel, pressedKey!), cancellationToken).ConfigureAwait(false) is not { } item)
        {
            return new FollowupPanel(request.Queues, hint, null, false);
        }

        return item.State switch
        {
            OutboxState.Delivered => new FollowupPanel(request.Queues, hint, "Done: each issue is linked beside its task.", false),
            OutboxState.Abandoned => new FollowupPanel(request.Queues, hint, item.LastError ?? "The issues were not created.", true),
            _ => new FollowupPanel(request.Queues, hint, Waiting(tracker, item), false),
        };
    }

    private static string HintFor(FollowupRequest request) => request switch
    {
        { Tracker: null } => FollowupRequest.NotConfigured,
        { Queues: true, Tracker: { } tracker } =>
            $"Creates one {tracker.Name} issue in {tracker.Target} for each task without one ({request.Pending.Count}), the same as /incident followups. Save your changes to the tasks first.",
        { Incident.Tasks.Count: 0 } => "There are no tasks yet: add them above and save, then create their issues.",
        _ => "Every task has an issue: nothing to create.",
    };

    private static string Waiting(IFollowupTracker tracker, OutboxItem item) => item.Attempts == 0
        ? $"Creating the issues: {tracker.Name} has not answered yet. Reload to see the outcome."
        : $"Creating the issues: {tracker.Name} failed {item.Attempts} time(s) ({item.LastError}); it is tried again. Reload to see the outcome.";
}
