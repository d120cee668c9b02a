using ScribeBot.Core.Incidents;
using ScribeBot.Core.Outbox;
using ScribeBot.Core.Storage;
using ScribeBot.Core.Text;

namespace ScribeBot.Core.Commands;

/// <summary>
/// How every command reaches its incident and is committed: find the open or latest incident, skip a redelivered
/// request, let the incident decide, and store the change with its entry and outbox items in one commit.
/// </summary>
internal sealed class CommandRunner(IIncidentStore store, IOutboxStore outbox, OutboxSignal outboxSignal, TimeProvider timeProvider)
{
    public IIncidentStore Store => store;

    public DateTimeOffset Now => timeProvider.GetUtcNow();

    /// <summary>Runs a read-only verb on the open incident, else on the channel's latest one.</summary>
    public async Task<CommandOutcome> ShowAsync(CommandRequest request, Func<Incident, Task<CommandOutcome>> show, CancellationToken ct)
    {
        var incident = await store.FindLatestIncidentAsync(request.Channel, ct).ConfigureAwait(false);
        return incident is null ? NoIncident() : await show(incident).ConfigureAwait(false);
    }

    /// <summary>A live event: only while the incident is open.</summary>
    public async Task<CommandOutcome> ChangeOpenAsync(CommandRequest request, Func<Incident, IncidentChange> change, CancellationToken ct)
    {
        var incident = await store.FindOpenIncidentAsync(request.Channel, ct).ConfigureAwait(false)
            ?? await store.FindLatestIncidentAsync(request.Channel, ct).ConfigureAwait(false);
        return incident is null
            ? NoIncident()
            : await ApplyAsync(incident, request, i => IncidentChange.Of(i.RequireOpen(), change), ct).ConfigureAwait(false);
    }

    /// <summary>A fact for the postmortem: it may still be filled in after the incident is resolved.</summary>
    public async Task<CommandOutcome> ChangeLatestAsync(CommandRequest request, Func<Incident, IncidentChange> change, CancellationToken ct)
    {
        var incident = await store.FindLatestIncidentAsync(request.Channel, ct).ConfigureAwait(false);
        return incident is null ? NoIncident() : await ApplyAsync(incident, request, change, ct).ConfigureAwait(false);
    }

    public async Task<CommandOutcome> ApplyAsync(Incident incident, CommandRequest request, Func<Incident, IncidentChange> change, CancellationToken ct)
    {
        if (await IsRedeliveryAsync(incident, request, ct).ConfigureAwait(false))
        {
            return AlreadyHandled(incident);
        }

        return await CommitAsync(change(incident), request, ct).ConfigureAwait(false);
    }

    public async Task<CommandOutcome> CommitAsync(IncidentChange change, CommandRequest request, CancellationToken ct)
    {
        if (change.Refusal is { } refusal)
        {
            return CommandOutcome.Rejected(refusal);
        }

        var incident = change.Entry is null ? change.Incident : CommandEntry.Bump(change.Incident);
        var posts = OutboxItem.For(request.RequestId, change.Posts, incident.Id, Now);
        await store.SaveIncidentAsync(incident, change.Entry is null ? [] : [change.Entry], posts, ct).ConfigureAwait(false);
        if (posts.Count > 0)
        {
            outboxSignal.Notify();
        }

        return new CommandOutcome(true, change.Reply, change.Posts, incident);
    }

    // These verbs change no incident, so their post is enqueued on its own. A redelivery enqueues the same id,
    // which the store ignores.
    public async Task<CommandOutcome> PostAsync(Incident incident, CommandRequest request, ChannelPost post, CancellationToken ct)
    {
        await outbox.EnqueueAsync(OutboxItem.For(request.RequestId, [post], incident.Id, Now), ct).ConfigureAwait(false);
        outboxSignal.Notify();
        return CommandOutcome.Done(incident, ChatText.Empty, post);
    }

    /// <summary>The outbox was written with the change (a start): wake the dispatcher.</summary>
    public void Enqueued() => outboxSignal.Notify();

    // A platform that redelivers a command (a Teams retry, a replayed transcript) must not apply it twice: the
    // entry a command creates is keyed by its request id.
    public async Task<bool> IsRedeliveryAsync(Incident incident, CommandRequest request, CancellationToken ct) =>
        await store.GetEntryAsync(incident.Id, request.RequestId, ct).ConfigureAwait(false) is not null;

    public static CommandOutcome AlreadyHandled(Incident incident) =>
        CommandOutcome.Done(incident, ChatText.Of($"Already recorded on {incident.DisplayId}."));

    public static CommandOutcome NoIncident() =>
        CommandOutcome.Rejected("There is no incident in this channel. Start one with /incident start <title> [sev1-4].");
}
