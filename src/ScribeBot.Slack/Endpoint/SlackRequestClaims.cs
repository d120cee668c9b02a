using Microsoft.Extensions.Logging;
using ScribeBot.Core.Storage;
using ScribeBot.Slack.Dispatch;
using ScribeBot.Slack.Events;

namespace ScribeBot.Slack.Endpoint;

/// <summary>
/// Slash commands and interactions that come over Socket Mode, claimed by their <c>trigger_id</c> before their work,
/// so one delivered twice (Slack hands an envelope whose ack did not arrive to another connection, which with several
/// instances is another host) runs once. Over HTTP Slack never delivers a command or an interaction again, so the
/// endpoint does not claim them. Claimed first, unlike an event: a command is not idempotent (<c>note</c> twice is two entries),
/// and two instances may hold the same envelope at once. Kept by <see cref="IProcessedRequests"/>, in the database
/// when instances share one. A claim whose work failed is given back, so Slack's next delivery does the work; a
/// process that dies mid-command keeps its claim for <see cref="IProcessedRequests.Expiry"/>, and the redelivery is
/// acked without the work: the person saw the command fail and types it again (docs/decisions.md, "Several instances").
/// </summary>
internal sealed class SlackRequestClaims(IProcessedRequests processed, TimeProvider time, ILogger<SlackRequestClaims> logger)
{
    /// <summary>
    /// Runs <paramref name="work"/> when this is the first delivery of <paramref name="triggerId"/>, else answers a
    /// plain ack (the first delivery's answer went with it); without a trigger id, runs it.
    /// </summary>
    public async Task<SlackAnswer> RunOnceAsync(string? triggerId, string kind, Func<Task<SlackAnswer>> work, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(triggerId))
        {
            return await work().ConfigureAwait(false);
        }

        if (!await TryClaimAsync(triggerId, cancellationToken).ConfigureAwait(false))
        {
            SlackEndpointLog.DuplicateRequest(logger, kind, triggerId);
            return SlackAnswer.Ok;
        }

        try
        {
            return await work().ConfigureAwait(false);
        }
        catch
        {
            await ReleaseAsync(triggerId).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The trigger id that names <paramref name="inbound"/>'s request and what kind it is, for the log; null for an event.</summary>
    public static (string? TriggerId, string Kind) TriggerOf(SlackInbound inbound) => inbound switch
    {
        SlackSlashCommand command => (command.TriggerId, "slash command"),
        SlackMessageShortcut shortcut => (shortcut.TriggerId, "shortcut"),
        SlackViewSubmission submission => (submission.TriggerId, "view submission"),
        _ => (null, inbound.GetType().Name),
    };

    /// <summary>True when this delivery is the first of <paramref name="triggerId"/> and is now this caller's to do.</summary>
    public Task<bool> TryClaimAsync(string triggerId, CancellationToken cancellationToken) =>
        processed.TryMarkAsync(Key(triggerId), time.GetUtcNow(), cancellationToken);

    /// <summary>Gives the claim back after the work failed; with <see cref="CancellationToken.None"/>, as the failure may be a cancellation.</summary>
    public Task ReleaseAsync(string triggerId) => processed.ForgetAsync(Key(triggerId), CancellationToken.None);

    /// <summary>Namespaced beside <c>slack-event:</c>; a trigger id is unique per invocation across commands and interactions.</summary>
    private static string Key(string triggerId) => "slack-trigger:" + triggerId;
}
