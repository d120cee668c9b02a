using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ScribeBot.Bench.Shared;

/// <summary>
/// Slack's Web API for the host under load, on loopback: healthy (every method answers ok at once, with a name for
/// users.info, an identity for auth.test and an upload address on this server for files.getUploadURLExternal, which
/// takes the bytes with the same answer), or hanging (connections are accepted and requests read, never answered).
/// A refusing Web API needs no server: a free port nobody listens on.
/// </summary>
public sealed class FakeWebApi : IAsyncDisposable
{
    /// <summary>The display name users.info gives every user.</summary>
    public const string PersonName = "Bench Person";

    private const string Answer =
        """{"ok":true,"user_id":"UBENCHBOT","bot_id":"BBENCHBOT","team_id":"T0BENCH","user":{"id":"U0BENCH00","name":"bench","profile":{"display_name":"Bench Person"}},"channel":{"id":"C0BENCH01","name":"bench","is_private":false,"is_member":true},"messages":[],"has_more":false,"ts":"1700000000.000100","file_id":"F0BENCH","upload_url":"UPLOAD_URL"}""";

    private readonly TcpListener _listener;
    private readonly bool _answers;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Socket> _held = [];
    private readonly Task _accepting;

    private FakeWebApi(bool answers)
    {
        _answers = answers;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public string ApiBaseUrl => $"{BaseUrl}api/";

    private string BaseUrl => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/";

    public static FakeWebApi Healthy() => new(answers: true);

    public static FakeWebApi Hanging() => new(answers: false);

    /// <summary>A loopback URL where connections are refused.</summary>
    public static string Refusing() => $"http://127.0.0.1:{ServerProcess.FreePort()}/api/";

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var socket = await _listener.AcceptSocketAsync(_stop.Token).ConfigureAwait(false);
                if (_answers)
                {
                    _ = ServeAsync(socket);
                }
                else
                {
                    lock (_held)
                    {
                        _held.Add(socket);
                    }
                }
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        var body = Encoding.UTF8.GetBytes(Answer.Replace("UPLOAD_URL", $"{BaseUrl}upload/F0BENCH", StringComparison.Ordinal));
        var response = Encoding.ASCII.GetBytes(
            $"HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {body.Length}\r\n\r\n").Concat(body).ToArray();
        using var stream = new NetworkStream(socket, ownsSocket: true);
        var buffer = new byte[64 * 1024];
        var pending = new List<byte>();
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(buffer, _stop.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    return;
                }

                pending.AddRange(buffer.AsSpan(0, read));
                while (TryTakeRequest(pending))
                {
                    await stream.WriteAsync(response, _stop.Token).ConfigureAwait(false);
                }
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested || socket.Connected is false)
        {
        }
        catch (IOException)
        {
        }
    }

    // One request: headers up to the blank line, then Content-Length bytes of body.
    private static bool TryTakeRequest(List<byte> pending)
    {
        var text = Encoding.ASCII.GetString(pending.ToArray());
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
        {
            return false;
        }

        var length = 0;
        foreach (var line in text[..end].Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        if (pending.Count < end + 4 + length)
        {
            return false;
        }

        pending.RemoveRange(0, end + 4 + length);
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting.ConfigureAwait(false);
        lock (_held)
        {
            foreach (var socket in _held)
            {
                socket.Dispose();
            }
        }

        _stop.Dispose();
    }
}
