using System.Net.WebSockets;

namespace ScribeBot.Testing.Slack;

/// <summary>
/// One Socket Mode WebSocket the bot opened to <see cref="FakeSlack"/>: the test sends frames as Slack would and waits
/// for what the bot sends back (its acks). No sleeps: every wait is on something the bot did.
/// </summary>
public sealed class FakeSocketConnection
{
    private readonly WebSocket _socket;
    private readonly Channel<JsonNode> _received = Channel.CreateUnbounded<JsonNode>();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FakeSocketConnection(WebSocket socket, string ticket)
    {
        _socket = socket;
        Ticket = ticket;
    }

    /// <summary>The ticket of the URL apps.connections.open handed out, so a test can tell connections apart.</summary>
    public string Ticket { get; }

    /// <summary>Completes when the bot closed the socket or it dropped.</summary>
    public Task Closed => _closed.Task;

    /// <summary>Sends one text frame, split into several WebSocket frames when <paramref name="fragments"/> > 1.</summary>
    public async Task SendAsync(string json, int fragments = 1)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var size = (bytes.Length + fragments - 1) / fragments;
        // Tests send one frame at a time (WebSocket allows one send at once), so no lock.
        for (var offset = 0; offset < bytes.Length; offset += size)
        {
            var count = Math.Min(size, bytes.Length - offset);
            await _socket.SendAsync(bytes.AsMemory(offset, count), WebSocketMessageType.Text,
                endOfMessage: offset + count >= bytes.Length, CancellationToken.None);
        }
    }

    /// <summary>The next message the bot sent.</summary>
    public async Task<JsonNode> ReceiveAsync() => await _received.Reader.ReadAsync();

    /// <summary>Drops the connection without a close handshake, as a network failure would.</summary>
    public void Abort() => _socket.Abort();

    /// <summary>Reads until the socket closes; the fake's request stays open as long as this runs.</summary>
    internal async Task RunAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    _received.Writer.TryWrite(JsonNode.Parse(message.ToArray())!);
                    message.SetLength(0);
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Dropped or shut down: either way this connection is over.
        }
        finally
        {
            _received.Writer.TryComplete();
            _closed.TrySetResult();
        }
    }
}
