using Microsoft.Extensions.Logging;
using ScribeBot.Core.Channels;

namespace ScribeBot.Core.Outbox;

/// <summary>The dispatcher's log lines (source-generated).</summary>
public sealed partial class OutboxDispatcher
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} posts waiting for a platform that is not configured ({Platform})")]
    private partial void LogWaitingForPlatform(int count, ChatPlatform platform);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Delivered {OutboxId} of {IncidentId} to {Channel} (attempt {Attempt})")]
    private partial void LogDelivered(string outboxId, string? incidentId, string channel, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery of {OutboxId} of {IncidentId} to {Channel} failed (attempt {Attempt}); retrying in {Delay}: {Error}")]
    private partial void LogRetrying(string outboxId, string? incidentId, string channel, int attempt, TimeSpan delay, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up delivering {OutboxId} of {IncidentId} to {Channel} after {Attempts} attempts: {Error}. The post stays in the outbox, abandoned")]
    private partial void LogAbandoned(string outboxId, string? incidentId, string channel, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The poster threw delivering {OutboxId} of {IncidentId} to {Channel}; it will be retried")]
    private partial void LogPosterThrew(Exception exception, string outboxId, string? incidentId, string channel);

    [LoggerMessage(Message = "Could not renew the outbox leases of {Count} deliveries in flight: {Reason}")]
    private partial void LogLeaseRenewalFailed(LogLevel level, int count, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The outbox store is unavailable ({Reason}); the dispatcher tries again in {Pause}")]
    private partial void LogStoreUnavailable(string reason, TimeSpan pause);

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox store failed; the dispatcher tries again shortly")]
    private partial void LogStoreFailed(Exception exception);
}
