using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ScribeBot.Bench.Ingest;

/// <summary>
/// One keep-alive HTTP/1.1 connection that writes a prepared request and reads the status of its response. Written
/// on a bare socket so the generator spends as little of the machine as <c>wrk</c> would: it shares two cores with
/// the server it measures, and HttpClient's per-request work would lower every target's figure.
/// </summary>
internal sealed class RawHttpConnection : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[16 * 1024];

    private RawHttpConnection(Socket socket) => _socket = socket;

    public static async Task<RawHttpConnection> OpenAsync(IPEndPoint endpoint, CancellationToken cancellationToken)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);
        return new RawHttpConnection(socket);
    }

    /// <summary>Sends <paramref name="request"/> and returns the response's status code once the whole response is read.</summary>
    public async Task<int> SendAsync(byte[] request, CancellationToken cancellationToken)
    {
        await _socket.SendAsync(request, SocketFlags.None, cancellationToken).ConfigureAwait(false);
        var length = 0;
        int headerEnd;
        while ((headerEnd = HeaderEnd(length)) < 0)
        {
            length += await ReceiveAsync(length, cancellationToken).ConfigureAwait(false);
        }

        var head = Encoding.ASCII.GetString(_buffer, 0, headerEnd);
        var status = int.Parse(head.AsSpan(9, 3), provider: System.Globalization.CultureInfo.InvariantCulture);
        if (ContentLength(head) is { } contentLength)
        {
            while (length < headerEnd + contentLength)
            {
                length += await ReceiveAsync(length, cancellationToken).ConfigureAwait(false);
            }
        }
        else if (head.Contains("transfer-encoding: chunked", StringComparison.OrdinalIgnoreCase))
        {
            // Small acks only: read until the terminating zero-length chunk.
            while (!_buffer.AsSpan(headerEnd, length - headerEnd).EndsWith("0\r\n\r\n"u8))
            {
                length += await ReceiveAsync(length, cancellationToken).ConfigureAwait(false);
            }
        }

        return status;
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<int> ReceiveAsync(int offset, CancellationToken cancellationToken)
    {
        if (offset == _buffer.Length)
        {
            throw new InvalidOperationException("Response larger than the generator's buffer; acks are expected to be small.");
        }

        var read = await _socket.ReceiveAsync(_buffer.AsMemory(offset), SocketFlags.None, cancellationToken).ConfigureAwait(false);
        return read > 0 ? read : throw new IOException("The server closed the connection.");
    }

    /// <summary>Index just past the blank line that ends the head, or -1 when it has not arrived yet.</summary>
    private int HeaderEnd(int length)
    {
        var index = _buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8);
        return index < 0 ? -1 : index + 4;
    }

    private static int? ContentLength(string head)
    {
        foreach (var line in head.Split("\r\n"))
        {
            if (line.StartsWith("content-length:", StringComparison.OrdinalIgnoreCase))
            {
                return int.Parse(line.AsSpan(15).Trim(), provider: System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return null;
    }
}
