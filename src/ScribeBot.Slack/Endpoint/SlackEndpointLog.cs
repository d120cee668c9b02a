using Microsoft.Extensions.Logging;
using ScribeBot.Core.Chat;
using ScribeBot.Core.Timeline;
using ScribeBot.Slack.Verification;

namespace ScribeBot.Slack.Endpoint;

/// <summary>
/// The endpoint's log lines: what was decided and why, never a body (it holds people's messages), the signature or
/// the secret.
/// </summary>
internal static partial class SlackEndpointLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack request refused: body over {MaxBytes} bytes")]
    public static partial void TooLarge(ILogger logger, int maxBytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack request refused: verification {Outcome}")]
    public static partial void Unverified(ILogger logger, SlackVerification outcome);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack request verified")]
    public static partial void Verified(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack request malformed: {Reason}")]
    public static partial void Malformed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack request ignored: {Reason}")]
    public static partial void Ignored(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack {Kind} {CallbackId} is not ours; ignored")]
    public static partial void UnknownCallback(ILogger logger, string kind, string callbackId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack event {EventId} already handled (retry {Attempt}); answered without redoing it")]
    public static partial void DuplicateEvent(ILogger logger, string eventId, int attempt);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Slack {Kind} {TriggerId} delivered again (here or on another instance); acknowledged without redoing it")]
    public static partial void DuplicateRequest(ILogger logger, string kind, string triggerId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack event {EventId} in {Channel}: {Result}")]
    public static partial void Captured(ILogger logger, string eventId, string channel, CaptureResult result);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack event {EventId}: someone joined {Channel}; pointed at an open incident: {Pointed}")]
    public static partial void Joined(ILogger logger, string eventId, string channel, bool pointed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack display names not resolved within {BudgetMs} ms; ids are shown instead")]
    public static partial void NamesTimedOut(ILogger logger, double budgetMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack command in {Channel}: accepted {Accepted}")]
    public static partial void CommandHandled(ILogger logger, string channel, bool accepted);

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack command in {Channel} failed (correlation id {CorrelationId})")]
    public static partial void CommandFailed(ILogger logger, string channel, string correlationId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack command in {Channel} not run: the store is unavailable; the caller was told to send it again")]
    public static partial void CommandStoreUnavailable(ILogger logger, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack shortcut modal could not be opened in {Channel}: {Error}")]
    public static partial void ModalNotOpened(ILogger logger, string channel, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack shortcut tagged {MessageId} in {Channel} as {Tag}: {Result}")]
    public static partial void Tagged(ILogger logger, string messageId, string channel, TimelineTag tag, CaptureResult result);
}
