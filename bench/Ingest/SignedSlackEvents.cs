using System.Security.Cryptography;
using System.Text;

namespace ScribeBot.Bench.Ingest;

/// <summary>
/// Builds complete HTTP/1.1 requests carrying Slack Events API <c>message</c> events, each with its own
/// <c>event_id</c> and message <c>ts</c> (so none is a retry the host may skip) and signed as Slack signs them
/// (HMAC-SHA256 of <c>v0:{timestamp}:{body}</c>). Every target gets byte-identical requests but for the path.
/// </summary>
internal sealed class SignedSlackEvents(string signingSecret, string channel, long baseSeconds, TimeProvider time)
{
    private static readonly string[] Texts =
    [
        "checkout p99 is through the roof, looking at the db pool",
        "rolling back payments-api to v2.40",
        "error rate back under 0.1%, watching for 10 more minutes",
        "is it the cache? keys look fine from here",
        "paging the database on-call",
    ];

    private readonly byte[] _key = Encoding.UTF8.GetBytes(signingSecret);

    public static string MessageTs(long baseSeconds, long n) => $"{baseSeconds + (n / 1_000_000)}.{n % 1_000_000:D6}";

    /// <summary>The request for message number <paramref name="n"/>, to <paramref name="path"/> on <paramref name="hostHeader"/>.</summary>
    public byte[] Request(long n, string path, string hostHeader)
    {
        var ts = MessageTs(baseSeconds, n);
        var body = Encoding.UTF8.GetBytes(
            "{\"token\":\"bench\",\"team_id\":\"T0BENCH\",\"api_app_id\":\"A0BENCH\",\"event\":{\"type\":\"message\"," +
            $"\"channel\":\"{channel}\",\"user\":\"U0BENCH{n % 20:D2}\",\"text\":\"{Texts[n % Texts.Length]} (#{n})\"," +
            $"\"ts\":\"{ts}\",\"event_ts\":\"{ts}\",\"channel_type\":\"channel\"}},\"type\":\"event_callback\"," +
            $"\"event_id\":\"Ev0BENCH{n:D10}\",\"event_time\":{baseSeconds + (n / 1_000_000)}}}");
        return Signed(path, hostHeader, "application/json", body);
    }

    /// <summary>A signed <c>/incident</c> slash command, as Slack posts it (form-encoded).</summary>
    public byte[] SlashCommand(string text, string triggerId, string path, string hostHeader)
    {
        var body = Encoding.UTF8.GetBytes(
            $"token=bench&team_id=T0BENCH&team_domain=bench&channel_id={channel}&channel_name=bench&user_id=U0BENCH00" +
            $"&user_name=bench&command=%2Fincident&text={Uri.EscapeDataString(text)}" +
            $"&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1%2F2&trigger_id={triggerId}&api_app_id=A0BENCH");
        return Signed(path, hostHeader, "application/x-www-form-urlencoded", body);
    }

    private byte[] Signed(string path, string hostHeader, string contentType, byte[] body)
    {
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
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
