using ScribeBot.Core.Metrics;
using static ScribeBot.Testing.Storage.Samples;

namespace ScribeBot.Testing.Storage;

/// <summary>
/// The phases a store's measures carry (<see cref="PhaseDurations"/>): the incident's own, kept up to date when the
/// incident or a tagged entry changes, in every way an entry is written; and the medians the statistics give over them.
/// </summary>
public abstract partial class IncidentStoreContract
{
    private static TimelineEntry Tagged(string incidentId, string messageId, int minutes, TimelineTag tag) =>
        Entry(incidentId, messageId, T0.AddMinutes(minutes)) with { Marks = [new TagMark(tag, Alice.Id)] };

    private async Task<PhaseDurations> PhasesOfAsync(Incident incident) =>
        Assert.Single(await Store.MeasureIncidentsAsync(incident.Channel.WorkspaceKey, incident.Declared.At, None)).Phases;

    [Fact]
    public async Task Measures_carry_the_phases_and_follow_the_incident_and_its_tagged_entries()
    {
        // Impact began 13:50, detected 13:55, declared 14:00, acknowledged 14:03; a misleading path from 14:10 to an
        // action at 14:25; root cause tagged at 14:40 by a reaction; resolved 15:00.
        var incident = (await Store.OpenIncidentAsync(Channel("C1"), Create(Channel("C1"), T0, "m0"), None)).Incident;
        var acknowledged = incident with
        {
            ImpactBegan = new Milestone(T0.AddMinutes(-10), Alice),
            Detected = new Milestone(T0.AddMinutes(-5), Alice),
            Status = IncidentStatus.Acknowledged,
            Acknowledged = new Milestone(T0.AddMinutes(3), Alice),
        };
        await Store.SaveIncidentAsync(acknowledged, [Tagged(incident.Id, "m1", 10, TimelineTag.Misleading)], [], None);
        var whileMisled = await PhasesOfAsync(incident);

        await Store.AppendEntryAsync(Tagged(incident.Id, "m2", 25, TimelineTag.Action), None);
        await Store.AppendEntryAsync(Entry(incident.Id, "m3", T0.AddMinutes(40), "it is the pool"), None);
        await Store.UpdateEntryAsync(incident.Id, "m3", e => e with { Marks = [new TagMark(TimelineTag.RootCause, Alice.Id)] }, None);
        var resolved = acknowledged with { Status = IncidentStatus.Resolved, Resolved = new Milestone(T0.AddHours(1), Alice) };
        await Store.SaveIncidentAsync(resolved, [], [], None);
        var afterResolve = await PhasesOfAsync(incident);
        var timelineAtResolve = await Store.GetTimelineAsync(incident.Id, None);

        // Untagging the misleading message takes its time lost away.
        await Store.UpdateEntryAsync(incident.Id, "m1", e => e with { Marks = [] }, None);
        var untagged = await PhasesOfAsync(incident);

        // Open and still on the misleading path: it has no end yet, so no time lost.
        Assert.Equal(new PhaseDurations(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(3), null, null, null), whileMisled);
        Assert.Equal(
            new PhaseDurations(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(40), TimeSpan.FromHours(1), TimeSpan.FromMinutes(15)),
            afterResolve);
        Assert.Equal(PhaseDurations.Of(resolved, timelineAtResolve), afterResolve);
        Assert.Null(untagged.TimeLost);
        Assert.Equal(PhaseDurations.Of(resolved, await Store.GetTimelineAsync(incident.Id, None)), untagged);
    }

    [Fact]
    public async Task The_statistics_give_each_phases_median_per_severity_with_how_many_had_it()
    {
        // SEV1: acknowledged after 2 and 6 minutes, resolved after 30 and 50, one lost 10 minutes to a misleading path;
        // SEV3: acknowledged after 1 minute, never resolved.
        await RunAsync(Channel("C1"), T0, Severity.Sev1, ack: 2, resolve: 30, misledFor: 10);
        await RunAsync(Channel("C2"), T0.AddHours(2), Severity.Sev1, ack: 6, resolve: 50, misledFor: null);
        await RunAsync(Channel("C3"), T0.AddHours(4), Severity.Sev3, ack: 1, resolve: null, misledFor: null);

        var phases = IncidentStatistics.Compute(await Store.MeasureIncidentsAsync(null, T0, None), 30).Phases;

        var sev1 = phases.BySeverity.Single(s => s.Severity == Severity.Sev1);
        Assert.Equal((TimeSpan.FromMinutes(4), 2), (sev1.Of(Phase.Acknowledge)!.Median, sev1.Of(Phase.Acknowledge)!.Count));
        Assert.Equal((TimeSpan.FromMinutes(40), 2), (sev1.Of(Phase.Resolve)!.Median, sev1.Of(Phase.Resolve)!.Count));
        Assert.Equal((TimeSpan.FromMinutes(10), 1), (sev1.Of(Phase.TimeLost)!.Median, sev1.Of(Phase.TimeLost)!.Count));
        var sev3 = phases.BySeverity.Single(s => s.Severity == Severity.Sev3);
        Assert.Null(sev3.Of(Phase.Resolve));
        Assert.Equal((TimeSpan.FromMinutes(2), 3), (phases.Overall.Of(Phase.Acknowledge)!.Median, phases.Overall.Of(Phase.Acknowledge)!.Count));
        Assert.Null(phases.Overall.Of(Phase.Detect));
    }

    private async Task RunAsync(ChannelRef channel, DateTimeOffset declared, Severity severity, int ack, int? resolve, int? misledFor)
    {
        var incident = (await Store.OpenIncidentAsync(channel, Create(channel, declared), None)).Incident with { Severity = severity };
        List<TimelineEntry> entries = [];
        if (misledFor is { } minutes)
        {
            entries.Add(Entry(incident.Id, "wrong", declared.AddMinutes(ack)) with { Marks = [new TagMark(TimelineTag.Misleading, Alice.Id)] });
            entries.Add(Entry(incident.Id, "right", declared.AddMinutes(ack + minutes)) with { Marks = [new TagMark(TimelineTag.Action, Alice.Id)] });
        }

        var done = incident with
        {
            Status = resolve is null ? IncidentStatus.Acknowledged : IncidentStatus.Resolved,
            Acknowledged = new Milestone(declared.AddMinutes(ack), Alice),
            Resolved = resolve is { } after ? new Milestone(declared.AddMinutes(after), Alice) : null,
        };
        await Store.SaveIncidentAsync(done, entries, [], None);
    }
}
