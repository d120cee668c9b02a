using Microsoft.Extensions.Logging;
using ScribeBot.Core.Storage;
using ScribeBot.Slack.Dispatch;
using ScribeBot.Slack.Events;

namespace ScribeBot.Slack.Endpoint;

/// <summary>
/// Slash commands and interactions that come over Socket Mode, deduplicated by their <c>trigger_id</c>: Slack hands an
/// envelope whose ack did not arrive to another connection, which with several instances is another host, and that host
/// answers it as a duplicate (a plain ack) instead of running it again, its reply ("an incident is already open") and its
/// Slack calls included. Kept by <see cref="IProcessedRequests"/>, in the database when instances share one. As for
/// events, an id is marked only after its work committed, so a delivery whose host died mid-command is done by the
/// host Slack delivers it to next; two deliveries at once both run, and the store keeps one result, since a command's
/// request id is its entry's and its posts' id. Over HTTP Slack never delivers a command or an interaction again, so the
/// endpoint does not ask (docs/decisions.md, "Several instances").
/// </summary>
internal sealed class SlackRequestDeduplicator(IProcessedRequests processed, TimeProvider time, ILogger<SlackRequestDeduplicator> logger)
{
    /// <summary>The trigger id that names <paramref name="inbound"/>'s request and what kind it is, for the log; null for an event.</summary>
    public static (string? TriggerId, string Kind) TriggerOf(SlackInbound inbound) => inbound switch
    {
        SlackSlashCommand command => (command.TriggerId, "slash command"),
        SlackMessageShortcut shortcut => (shortcut.TriggerId, "shortcut"),
        SlackViewSubmission submission => (submission.TriggerId, "view submission"),
        _ => (null, inbound.GetType().Name),
    };

    /// <summary>
    /// Runs <paramref name="work"/> unless <paramref name="triggerId"/> was handled already (then a plain ack: the first
    /// delivery's answer went with it), and marks it handled once the work returned; without a trigger id, just runs it.
    /// </summary>
    public async Task<SlackAnswer> RunOnceAsync(string? triggerId, string kind, Func<Task<SlackAnswer>> work, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(triggerId))
        {
            return await work().ConfigureAwait(false);
        }

        if (await processed.WasProcessedAsync(Key(triggerId), time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            SlackEndpointLog.DuplicateRequest(logger, kind, triggerId);
            return SlackAnswer.Ok;
        }

        var answer = await work().ConfigureAwait(false);
        await processed.TryMarkAsync(Key(triggerId), time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return answer;
    }

    /// <summary>Namespaced beside <c>slack-event:</c>; a trigger id is unique per invocation across commands and interactions.</summary>
    private static string Key(string triggerId) => "slack-trigger:" + triggerId;
}
