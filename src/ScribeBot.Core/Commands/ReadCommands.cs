using ScribeBot.Core.Followups;
using ScribeBot.Core.Metrics;
using ScribeBot.Core.Postmortem;

namespace ScribeBot.Core.Commands;

/// <summary><c>status</c>, <c>catchup</c>, <c>timeline</c>, <c>postmortem</c>, <c>stats</c>: verbs that change no incident.</summary>
internal sealed class ReadCommands(CommandRunner runner, FollowupStates? states)
{
    public Task<CommandOutcome> StatusAsync(CommandRequest request, CancellationToken ct) =>
        runner.ShowAsync(request, async incident =>
        {
            var entries = await runner.Store.GetTimelineAsync(incident.Id, ct).ConfigureAwait(false);
            // The follow-ups' states are read from the tracker (cached, read together, a failure remembered), so closed
            // issues count as closed and a tracker that is down costs one timeout, not one per issue per status.
            var shown = states is null ? incident : await states.ShowAsync(incident, ct).ConfigureAwait(false);
            return CommandOutcome.Done(incident, IncidentSummary.Build(shown, entries, runner.Now));
        }, ct);

    public Task<CommandOutcome> CatchupAsync(CommandRequest request, CancellationToken ct) =>
        runner.ShowAsync(request, async incident =>
        {
            var entries = await runner.Store.GetTimelineAsync(incident.Id, ct).ConfigureAwait(false);
            return CommandOutcome.Done(incident, IncidentCatchup.Build(incident, entries, request.Caller, request.RequestId, runner.Now));
        }, ct);

    public Task<CommandOutcome> TimelineAsync(CommandRequest request, CancellationToken ct) =>
        runner.ShowAsync(request, incident => runner.PostAsync(incident, request, new TimelinePost(request.Channel, incident.Id), ct), ct);

    public Task<CommandOutcome> PostmortemAsync(CommandRequest request, CancellationToken ct) =>
        runner.ShowAsync(request, incident => runner.PostAsync(incident, request, new PostmortemPost(request.Channel, incident.Id), ct), ct);

    public async Task<CommandOutcome> StatsAsync(StatsCommand stats, CommandRequest request, CancellationToken ct)
    {
        var since = runner.Now - TimeSpan.FromDays(stats.Days);
        var measures = await runner.Store.MeasureIncidentsAsync(request.Channel.WorkspaceKey, since, ct).ConfigureAwait(false);
        var report = IncidentStatistics.Compute(measures, stats.Days);
        // Follow-ups count by when their issue was created, so an older incident's issues made this week count this week.
        var followups = await FollowupStatistics.ReadAsync(runner.Store, states, request.Channel.WorkspaceKey, since, runner.Now, ct).ConfigureAwait(false);
        return CommandOutcome.Done(null, StatsText.Render(report, followups.Total));
    }
}
