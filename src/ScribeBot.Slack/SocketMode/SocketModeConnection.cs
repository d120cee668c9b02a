using System.Net.WebSockets;

namespace ScribeBot.Slack.SocketMode;

/// <summary>One WebSocket to Slack, and whether Slack greeted it.</summary>
internal sealed class SocketModeConnection(ClientWebSocket socket)
{
    public ClientWebSocket Socket { get; } = socket;

    /// <summary>Slack said <c>hello</c>: the connection worked, whatever happens to it later.</summary>
    public bool Greeted { get; set; }
}

/// <summary>How a connection ended, which decides whether the loop reconnects at once or backs off.</summary>
internal sealed record SocketModeConnectionEnd(
    SocketModeEndKind Kind, bool Greeted, string Reason, WebSocketCloseStatus? CloseStatus = null, Exception? Exception = null);

internal enum SocketModeEndKind
{
    /// <summary>Slack sent <c>disconnect</c>: reconnect at once.</summary>
    Refresh,
    OpenFailed,
    Lost,
    Closed,
}
