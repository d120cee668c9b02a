using System.Net.WebSockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScribeBot.Slack.Dispatch;
using ScribeBot.Slack.WebApi;

namespace ScribeBot.Slack.SocketMode;

/// <summary>
/// Socket Mode: with <c>Slack:AppToken</c> set, the bot asks <c>apps.connections.open</c> for a WebSocket URL, connects
/// out to Slack (no public URL needed) and runs every envelope through the same <see cref="SlackInboundDispatcher"/>
/// as <c>POST /slack/events</c>. The ack goes back only after the work committed, as the HTTP 200 does: an envelope
/// whose work failed is not acked, and Slack delivers it again (the dispatcher's event_id dedupe, the trigger_id dedupe
/// of <see cref="Endpoint.SlackRequestDeduplicator"/> and the core's idempotency make that harmless). Every instance runs its
/// own client: Slack spreads an app's envelopes over its open connections (up to ten), and the dedupe is in the
/// database when instances share one. Envelopes are handled one at a time, in order; the work is a store commit and
/// at most <see cref="SlackInboundDispatcher.LookupBudget"/> of lookups, well inside Slack's 3 s.
/// On <c>disconnect</c> (<c>warning</c>, <c>refresh_requested</c>, ...) a new connection is opened before the old is
/// closed, as Slack asks; a dropped socket or a failed open is retried after 1 s, doubling to 30 s.
/// </summary>
internal sealed class SlackSocketModeClient(
    IServiceScopeFactory scopes,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackSocketModeClient> logger) : BackgroundService
{
    /// <summary>The same bound as the HTTP endpoint's body: Slack's envelopes are a few KiB.</summary>
    public const int MaxMessageBytes = 1024 * 1024;

    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(10);

    /// <summary>Slack may not answer a close handshake promptly; the old socket is dropped after this.</summary>
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(1);

    private readonly SocketModeMessageHandler _messages = new(scopes, time, logger);

    /// <summary>The connection Slack asked us to leave, kept open until its replacement is connected.</summary>
    private ClientWebSocket? _retiring;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.AppToken))
        {
            // Decided here rather than at registration: the options can come from any configuration source.
            SlackSocketModeLog.Off(logger);
            return;
        }

        var delay = FirstRetryDelay;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var end = await ConnectOnceAsync(stoppingToken).ConfigureAwait(false);
                if (end.Greeted)
                {
                    // The connection worked; a drop after that starts the back-off afresh.
                    delay = FirstRetryDelay;
                }

                if (end.Kind == SocketModeEndKind.Refresh)
                {
                    continue;
                }

                switch (end.Kind)
                {
                    case SocketModeEndKind.OpenFailed:
                        SlackSocketModeLog.OpenFailed(logger, end.Reason, delay.TotalSeconds);
                        break;
                    case SocketModeEndKind.Closed:
                        SlackSocketModeLog.ClosedBySlack(logger, end.CloseStatus, delay.TotalSeconds);
                        break;
                    default:
                        SlackSocketModeLog.ConnectionLost(logger, end.Reason, delay.TotalSeconds, end.Exception);
                        break;
                }

                await RetireAsync().ConfigureAwait(false);
                await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
                delay = delay * 2 < MaxRetryDelay ? delay * 2 : MaxRetryDelay;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
        finally
        {
            await RetireAsync().ConfigureAwait(false);
        }
    }

    private async Task<SocketModeConnectionEnd> ConnectOnceAsync(CancellationToken cancellationToken)
    {
        SlackApiResult<Uri> opened;
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            opened = await scope.ServiceProvider.GetRequiredService<SlackWebApiClient>().AppsConnections.OpenAsync(cancellationToken)
                .ConfigureAwait(false);
        }

        if (!opened.IsOk)
        {
            return new SocketModeConnectionEnd(SocketModeEndKind.OpenFailed, false, opened.Error ?? opened.Status.ToString());
        }

        var socket = new ClientWebSocket();
        // Ping every 10 s and give up after 10 s without the pong: a half-open TCP connection would otherwise look
        // alive for as long as the OS keeps it, and the bot would hear nothing.
        socket.Options.KeepAliveInterval = KeepAlive;
        socket.Options.KeepAliveTimeout = KeepAlive;
        var connection = new SocketModeConnection(socket);
        try
        {
            await socket.ConnectAsync(opened.Value, cancellationToken).ConfigureAwait(false);
            SlackSocketModeLog.Connected(logger, opened.Value.Host);

            // Slack's advice on disconnect: have the new connection up before closing the old one.
            await RetireAsync().ConfigureAwait(false);
            var end = await ReadAsync(connection, cancellationToken).ConfigureAwait(false);
            if (end.Kind == SocketModeEndKind.Refresh)
            {
                _retiring = socket;
            }
            else if (end.Kind == SocketModeEndKind.Closed)
            {
                await CloseQuietlyAsync(socket).ConfigureAwait(false);
            }

            return end;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A dropped socket (WebSocketException), a refused connect, or a bug in one frame's handling: the loop
            // must outlive all of them, or the bot silently stops hearing Slack.
            return new SocketModeConnectionEnd(SocketModeEndKind.Lost, connection.Greeted, exception.GetType().Name, Exception: exception);
        }
        finally
        {
            if (!ReferenceEquals(_retiring, socket))
            {
                socket.Dispose();
            }
        }
    }

    private async Task<SocketModeConnectionEnd> ReadAsync(SocketModeConnection connection, CancellationToken cancellationToken)
    {
        var socket = connection.Socket;
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            message.SetLength(0);
            var tooLarge = false;
            ValueWebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return new SocketModeConnectionEnd(SocketModeEndKind.Closed, connection.Greeted, "closed", socket.CloseStatus);
                }

                // A message may come in several frames; it is assembled, up to the bound.
                tooLarge |= message.Length + result.Count > MaxMessageBytes;
                if (!tooLarge)
                {
                    message.Write(buffer, 0, result.Count);
                }
            }
            while (!result.EndOfMessage);

            if (tooLarge)
            {
                SlackSocketModeLog.TooLarge(logger, MaxMessageBytes);
                continue;
            }

            if (result.MessageType == WebSocketMessageType.Text
                && await _messages.HandleAsync(connection, message.ToArray(), cancellationToken).ConfigureAwait(false) is { } end)
            {
                return end;
            }
        }
    }

    private async Task RetireAsync()
    {
        if (_retiring is not { } old)
        {
            return;
        }

        _retiring = null;
        await CloseQuietlyAsync(old).ConfigureAwait(false);
        old.Dispose();
    }

    private static async Task CloseQuietlyAsync(ClientWebSocket socket)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        using var timeout = new CancellationTokenSource(CloseTimeout);
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Going away anyway; Dispose aborts it.
        }
    }
}
