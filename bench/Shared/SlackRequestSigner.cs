using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ScribeBot.Bench.Shared;

/// <summary>
/// Frames a body as a complete HTTP/1.1 POST signed as Slack signs its requests: <c>X-Slack-Request-Timestamp</c> is
/// now (the host refuses one more than five minutes off) and <c>X-Slack-Signature</c> the HMAC-SHA256 of
/// <c>v0:{timestamp}:{body}</c> with the signing secret.
/// </summary>
public sealed class SlackRequestSigner(string signingSecret, TimeProvider time)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(signingSecret);

    public byte[] Request(string path, string hostHeader, string contentType, byte[] body)
    {
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var head = Encoding.ASCII.GetBytes(
            $"POST {path} HTTP/1.1\r\nHost: {hostHeader}\r\nContent-Type: {contentType}\r\nContent-Length: {body.Length}\r\n" +
            $"X-Slack-Request-Timestamp: {timestamp}\r\nX-Slack-Signature: {Sign(timestamp, body)}\r\n\r\n");
        return [.. head, .. body];
    }

    private string Sign(string timestamp, byte[] body)
    {
        var prefix = Encoding.ASCII.GetBytes($"v0:{timestamp}:");
        var basestring = new byte[prefix.Length + body.Length];
        prefix.CopyTo(basestring, 0);
        body.CopyTo(basestring, prefix.Length);
        return "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(_key, basestring));
    }
}
