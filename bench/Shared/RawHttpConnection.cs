using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ScribeBot.Bench.Shared;

/// <summary>
/// One keep-alive HTTP/1.1 connection that writes a prepared request and reads its response. Written on a bare socket
/// so the generator spends as little of the machine as <c>wrk</c> would: it shares two cores with the server it
/// measures, and HttpClient's per-request work would lower every target's figure.
/// </summary>
public sealed class RawHttpConnection : IAsyncDisposable
{
    /// <summary>A response larger than this is refused rather than buffered: the benchmarks read acks and pages.</summary>
    private const int MaxResponseBytes = 64 * 1024 * 1024;

    private readonly Socket _socket;
    private byte[] _buffer = new byte[16 * 1024];

    private RawHttpConnection(Socket socket) => _socket = socket;

    public static async Task<RawHttpConnection> OpenAsync(IPEndPoint endpoint, CancellationToken cancellationToken)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new RawHttpConnection(socket);
    }

    /// <summary>A GET of <paramref name="pathAndQuery"/> with only the Host header, ready for <see cref="SendAsync"/>.</summary>
    public static byte[] Get(string pathAndQuery, string hostHeader) =>
        Encoding.ASCII.GetBytes($"GET {pathAndQuery} HTTP/1.1\r\nHost: {hostHeader}\r\n\r\n");

    /// <summary>Sends <paramref name="request"/> and returns the response's status code once the whole response is read.</summary>
    public async Task<int> SendAsync(byte[] request, CancellationToken cancellationToken)
    {
        await _socket.SendAsync(request, SocketFlags.None, cancellationToken).ConfigureAwait(false);
        var (status, _, _) = await ReadResponseAsync(cancellationToken).ConfigureAwait(false);
        return status;
    }

    /// <summary>Sends <paramref name="request"/> and returns the status and the body (de-chunked, as UTF-8 text).</summary>
    public async Task<(int Status, string Body)> ExchangeAsync(byte[] request, CancellationToken cancellationToken)
    {
        await _socket.SendAsync(request, SocketFlags.None, cancellationToken).ConfigureAwait(false);
        var (status, bodyStart, bodyLength) = await ReadResponseAsync(cancellationToken).ConfigureAwait(false);
        return (status, Encoding.UTF8.GetString(_buffer, bodyStart, bodyLength));
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Reads one whole response; its body ends up at <c>_buffer[BodyStart..BodyStart+BodyLength]</c>.</summary>
    private async Task<(int Status, int BodyStart, int BodyLength)> ReadResponseAsync(CancellationToken cancellationToken)
    {
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

            return (status, headerEnd, contentLength);
        }

        if (!head.Contains("transfer-encoding: chunked", StringComparison.OrdinalIgnoreCase))
        {
            return (status, headerEnd, 0);
        }

        // De-chunked in place: each chunk's data is moved down to where the body so far ends.
        var write = headerEnd;
        var read = headerEnd;
        while (true)
        {
            int lineEnd;
            while ((lineEnd = _buffer.AsSpan(read, length - read).IndexOf("\r\n"u8)) < 0)
            {
                length += await ReceiveAsync(length, cancellationToken).ConfigureAwait(false);
            }

            var sizeText = Encoding.ASCII.GetString(_buffer, read, lineEnd).Split(';')[0].Trim();
            var size = int.Parse(sizeText, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
            read += lineEnd + 2;

            // The data and its CRLF; after the last (empty) chunk, the CRLF that ends the (absent) trailers.
            while (length < read + size + 2)
            {
                length += await ReceiveAsync(length, cancellationToken).ConfigureAwait(false);
            }

            if (size == 0)
            {
                return (status, headerEnd, write - headerEnd);
            }

            Buffer.BlockCopy(_buffer, read, _buffer, write, size);
            write += size;
            read += size + 2;
        }
    }

    private async Task<int> ReceiveAsync(int offset, CancellationToken cancellationToken)
    {
        if (offset == _buffer.Length)
        {
            if (_buffer.Length >= MaxResponseBytes)
            {
                throw new InvalidOperationException($"Response larger than {MaxResponseBytes / (1024 * 1024)} MiB.");
            }

            Array.Resize(ref _buffer, _buffer.Length * 2);
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
