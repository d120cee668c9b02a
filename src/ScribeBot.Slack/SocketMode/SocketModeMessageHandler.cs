using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ScribeBot.Slack.Dispatch;
using ScribeBot.Slack.Endpoint;
using ScribeBot.Slack.Events;

namespace ScribeBot.Slack.SocketMode;

/// <summary>
/// One Socket Mode message: a connection message (<c>hello</c>, <c>disconnect</c>) or an envelope, run through the
/// <see cref="SlackInboundDispatcher"/> in a scope of its own and acked only after its work committed.
/// </summary>
internal sealed class SocketModeMessageHandler(IServiceScopeFactory scopes, TimeProvider time, ILogger logger)
{
    /// <summary>The end of the connection the message asks for (<c>disconnect</c>), else null.</summary>
    public async Task<SocketModeConnectionEnd?> HandleAsync(SocketModeConnection connection, byte[] frame, CancellationToken cancellationToken)
    {
        var receivedAt = time.GetUtcNow();
        string? type;
        string? envelopeId;
        string? reason;
        int connections;
        try
        {
            using var document = JsonDocument.Parse(frame);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                SlackSocketModeLog.Unreadable(logger, "not a JSON object");
                return null;
            }

            // Through JsonFields: a name or value with broken UTF-8/UTF-16 is a JsonException (an unreadable frame), not a crash.
            type = root.String("type");
            envelopeId = root.String("envelope_id");
            reason = root.String("reason");
            connections = root.Int("num_connections") ?? 0;
        }
        catch (JsonException)
        {
            // The parser's message would quote the frame; the frame can hold people's messages.
            SlackSocketModeLog.Unreadable(logger, "not JSON");
            return null;
        }

        if (string.IsNullOrEmpty(envelopeId))
        {
            switch (type)
            {
                case "hello":
                    connection.Greeted = true;
                    SlackSocketModeLog.Hello(logger, connections);
                    return null;
                case "disconnect":
                    // warning, refresh_requested, too_many_websockets, link_disabled...: all mean this socket is going;
                    // a disabled link shows up as apps.connections.open failing, which backs off.
                    SlackSocketModeLog.DisconnectRequested(logger, reason ?? "(no reason)");
                    return new SocketModeConnectionEnd(SocketModeEndKind.Refresh, connection.Greeted, reason ?? "disconnect");
                default:
                    SlackSocketModeLog.ControlIgnored(logger, type ?? "(untyped)");
                    return null;
            }
        }

        SlackAnswer answer;
        try
        {
            var scope = scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                var dispatcher = scope.ServiceProvider.GetRequiredService<SlackInboundDispatcher>();
                var inbound = await dispatcher.ReadAsync(
                    (reader, names) => reader.ReadSocketFrame(frame, receivedAt, names).Inbound, cancellationToken).ConfigureAwait(false);
                // An envelope whose ack did not reach Slack is delivered again, maybe to another instance's connection:
                // an event is deduplicated by its event_id in the dispatcher, a command or an interaction by its trigger_id here.
                var (triggerId, kind) = SlackRequestDeduplicator.TriggerOf(inbound);
                answer = await scope.ServiceProvider.GetRequiredService<SlackRequestDeduplicator>().RunOnceAsync(
                    triggerId, kind, () => dispatcher.DispatchAsync(inbound, envelopeId, cancellationToken), cancellationToken)
                    .ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // As the HTTP endpoint's 500: no ack, so Slack delivers the envelope again.
            SlackSocketModeLog.EnvelopeFailed(logger, envelopeId, type ?? "(untyped)", exception);
            return null;
        }

        // A malformed envelope is acked too (the dispatcher logged it): delivering it again would not mend it.
        var ack = new JsonObject { ["envelope_id"] = envelopeId };
        if (answer.Body is { } payload && type != "events_api")
        {
            // Slash commands and interactivity take their response (ephemeral reply, view errors) in the ack.
            ack["payload"] = payload;
        }

        await connection.Socket.SendAsync(Encoding.UTF8.GetBytes(ack.ToJsonString()), WebSocketMessageType.Text, true, cancellationToken)
            .ConfigureAwait(false);
        SlackSocketModeLog.Acked(logger, envelopeId, type ?? "(untyped)");
        return null;
    }
}
