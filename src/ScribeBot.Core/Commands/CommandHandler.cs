using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Configuration;
using ScribeBot.Core.Followups;
using ScribeBot.Core.Outbox;
using ScribeBot.Core.Paging;
using ScribeBot.Core.Storage;
using ScribeBot.Core.Text;

namespace ScribeBot.Core.Commands;

/// <summary>
/// Executes <c>/incident</c> commands against the store, the same for every platform. Expected failures (unknown
/// verb, no open incident, resolving twice...) are answers to the caller that change nothing. Every channel post a
/// command produces is enqueued in the outbox in the same commit as the command's change, and the dispatcher is
/// woken; the posts are also returned in the outcome.
/// <para>
/// The handler only coordinates: it parses, takes the channel's lock and routes each verb to its group
/// (<see cref="LifecycleCommands"/>, <see cref="EventCommands"/>, <see cref="FactCommands"/>,
/// <see cref="ReadCommands"/>); the incident itself decides what may change (<see cref="Incidents.Incident"/>).
/// </para>
/// </summary>
public sealed partial class CommandHandler
{
    private readonly ChannelLocks _locks;
    private readonly ILogger<CommandHandler> _logger;
    private readonly CommandRunner _runner;
    private readonly LifecycleCommands _lifecycle;
    private readonly ReadCommands _reads;
    private readonly FollowupCommands _followups;
    private readonly MentionReader _mentions;

    // mentions: how people are named in command text, the platforms' syntaxes the host registered. Null reads only a
    // typed @name (a handler built without a host, as in the core's tests). pendingPages: the pages a start links
    // (a Declare: false route's notice); null links none.
    public CommandHandler(
        IIncidentStore store,
        IOutboxStore outbox,
        OutboxSignal outboxSignal,
        ChannelLocks locks,
        TimeProvider timeProvider,
        IOptions<ScribeOptions> options,
        ILogger<CommandHandler> logger,
        MentionReader? mentions = null,
        PendingPages? pendingPages = null,
        IFollowupTrackers? trackers = null,
        FollowupStates? states = null)
    {
        _locks = locks;
        _mentions = mentions ?? MentionReader.Typed;
        _logger = logger;
        _runner = new CommandRunner(store, outbox, outboxSignal, timeProvider);
        _lifecycle = new LifecycleCommands(_runner, options, pendingPages);
        // The host's FollowupStates, so status and the pages share one cache of readings.
        _reads = new ReadCommands(_runner, states ?? (trackers is null ? null : new FollowupStates(trackers, timeProvider)));
        _followups = new FollowupCommands(_runner, outbox, trackers);
    }

    public async Task<CommandOutcome> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var parsed = CommandParser.Parse(request.Text, _mentions);
        if (!parsed.Succeeded)
        {
            LogRejected(request.Channel.Key, parsed.Error);
            return CommandOutcome.Rejected(parsed.Error);
        }

        // Help reads nothing: it answers even while the store (and so a shared channel lock) is out of reach.
        if (parsed.Command is HelpCommand help)
        {
            return CommandHelp.Answer(help.Verb, request.Channel.Platform);
        }

        await using (await _locks.AcquireAsync(request.Channel.Key, cancellationToken).ConfigureAwait(false))
        {
            var outcome = await ExecuteAsync(parsed.Command, request, cancellationToken).ConfigureAwait(false);
            if (outcome.Accepted)
            {
                LogExecuted(parsed.Command.GetType().Name, outcome.Incident?.Id, request.Channel.Key);
            }
            else if (_logger.IsEnabled(LogLevel.Debug))
            {
                var reason = outcome.Reply.ToPlainString();
                LogRejected(request.Channel.Key, reason);
            }

            return outcome;
        }
    }

    private Task<CommandOutcome> ExecuteAsync(IncidentCommand command, CommandRequest request, CancellationToken ct) =>
        command switch
        {
            StartCommand start => _lifecycle.StartAsync(start, request, ct),
            StatsCommand stats => _reads.StatsAsync(stats, request, ct),
            StatusCommand => _reads.StatusAsync(request, ct),
            CatchupCommand => _reads.CatchupAsync(request, ct),
            TimelineCommand => _reads.TimelineAsync(request, ct),
            PostmortemCommand => _reads.PostmortemAsync(request, ct),
            ReopenCommand => _lifecycle.ReopenAsync(request, ct),
            FollowupsCommand => _followups.QueueAsync(request, ct),

            // Live events only make sense while the incident is open.
            AcknowledgeCommand => _runner.ChangeOpenAsync(request, i => LifecycleCommands.Acknowledge(i, request), ct),
            UpdateCommand update => _runner.ChangeOpenAsync(request, i => EventCommands.Update(i, request, update), ct),
            EscalateCommand escalate => _runner.ChangeOpenAsync(request, i => EventCommands.Escalate(i, request, escalate, _mentions), ct),
            EventCommand recorded => _runner.ChangeOpenAsync(request, i => EventCommands.Record(i, request, recorded), ct),
            ResolveCommand resolve => _followups.OnResolveAsync(
                request, _runner.ChangeOpenAsync(request, i => LifecycleCommands.Resolve(i, request, resolve), ct), ct),

            // Facts for the postmortem may still be filled in after the incident is resolved.
            DetectedCommand detected => _runner.ChangeLatestAsync(request, i => FactCommands.Detected(i, request, detected), ct),
            BeganCommand began => _runner.ChangeLatestAsync(request, i => FactCommands.Began(i, request, began), ct),

            // Latest, not open: a resolved incident gets recovered's own refusal, which says why the end is fixed.
            RecoveredCommand recovered => _runner.ChangeLatestAsync(request, i => FactCommands.Recovered(i, request, recovered, _runner.Now), ct),
            ImpactCommand impact => _runner.ChangeLatestAsync(request, i => FactCommands.Impact(i, impact), ct),
            UsersAffectedCommand users => _runner.ChangeLatestAsync(request, i => FactCommands.Users(i, users), ct),
            RootCauseCommand rootCause => _runner.ChangeLatestAsync(request, i => FactCommands.RootCause(i, request, rootCause), ct),
            ResolutionCommand resolution => _runner.ChangeLatestAsync(request, i => FactCommands.Resolution(i, request, resolution), ct),
            ImproveCommand improve => _runner.ChangeLatestAsync(request, i => FactCommands.Improve(i, improve), ct),
            TodoCommand todo => _runner.ChangeLatestAsync(request, i => FactCommands.Todo(i, todo, _mentions), ct),
            SeverityCommand severity => _runner.ChangeLatestAsync(request, i => FactCommands.Severity(i, request, severity), ct),
            CommanderCommand commander => _runner.ChangeLatestAsync(request, i => FactCommands.Commander(i, request, commander, _mentions), ct),
            TimeZoneCommand zone => _runner.ChangeLatestAsync(request, i => FactCommands.TimeZone(i, zone), ct),
            _ => throw new InvalidOperationException($"No handler for {command.GetType().Name}."),
        };

    [LoggerMessage(Level = LogLevel.Information, Message = "Command {Command} executed on {IncidentId} in {Channel}")]
    private partial void LogExecuted(string command, string? incidentId, string channel);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Command refused in {Channel}: {Reason}")]
    private partial void LogRejected(string channel, string reason);
}
