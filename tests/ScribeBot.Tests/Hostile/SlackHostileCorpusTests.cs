using ScribeBot.Testing.Hostile;

namespace ScribeBot.Tests.Hostile;

/// <summary>
/// Hostile and malformed requests to <c>POST /slack/events</c> on the real host, signed correctly unless the case is
/// about the signature. Each gets a 4xx or a clear 200 (a refused command's answer), never a 5xx, and stores nothing.
/// </summary>
public sealed class SlackHostileCorpusTests : HostileCaseCorpus<SlackHostileCorpusTests>, IHostileCases
{
    private const string Json = "application/json";
    private const string Form = "application/x-www-form-urlencoded";

    private static readonly Dictionary<string, Func<ScribeBotApplication, Task<HttpResponseMessage>>> Cases = new()
    {
        ["truncated JSON event"] = h => Send(h, Cut(Event("hello")), Json),
        ["truncated form body"] = h => Send(h, Encoding.UTF8.GetBytes("token=x&team_id=T123ABC456&command=%2Fincident&text=start%20Ch%"), Form),
        ["truncated interactivity payload"] = h => Send(h, Encoding.UTF8.GetBytes("payload=" + Uri.EscapeDataString("{\"type\":\"message_action\",\"team\":{")), Form),
        ["JSON event sent as text/plain"] = h => Send(h, Event("hello"), "text/plain"),
        ["JSON event sent as multipart"] = h => Send(h, Multipart(Event("hello")), "multipart/form-data; boundary=XyZ"),
        ["JSON event with no content type"] = h => Send(h, Event("hello"), contentType: null),
        ["command form with no content type"] = h => Send(h, CommandForm("start Checkout returns 502"), contentType: null),
        ["command form sent as JSON"] = h => Send(h, CommandForm("start Checkout returns 502"), Json),
        ["body over 1 MiB with Content-Length"] = h => Send(h, Event(new string('a', HostileBodies.OverLimit)), Json),
        ["body over 1 MiB chunked"] = h => Send(h, Event(new string('a', HostileBodies.OverLimit)), Json, chunked: true),
        ["form over 1 MiB chunked"] = h => Send(h, CommandForm("start " + new string('a', HostileBodies.OverLimit)), Form, chunked: true),
        ["10,000 levels of nested JSON inside an event"] = h => Send(h, HostileBodies.DeeplyNested("{\"type\":\"event_callback\",\"event\":", "}"), Json),
        ["10,000 levels of nested JSON in an interactivity payload"] = h => Send(h, Encoding.UTF8.GetBytes("payload=" + Uri.EscapeDataString(Encoding.UTF8.GetString(HostileBodies.DeeplyNested()))), Form),
        ["invalid UTF-8 in an event's text"] = h => Send(h, HostileBodies.InvalidUtf8(EventPrefix(), EventSuffix()), Json),
        ["invalid UTF-8 in a command's text"] = h => Send(h, [.. CommandForm("start "), 0xC3, 0x28, 0xFF], Form),
        ["lone surrogates escaped in an event's text"] = h => Send(h, Encoding.UTF8.GetBytes(EventPrefix() + HostileBodies.LoneSurrogatesEscaped + EventSuffix()), Json),
        ["lone surrogates percent-encoded in a command"] = h => Send(h, Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(CommandForm("start SURROGATE checkout")).Replace("SURROGATE", "%ED%A0%80%ED%BF%BF", StringComparison.Ordinal)), Form),
        ["RTL override and zero-width characters in an event"] = h => Send(h, Event(HostileBodies.OddUnicode), Json),
        ["100,000-character event text"] = h => Send(h, Event(HostileBodies.Long(100_000)), Json),
        ["100,000-character channel id"] = h => Send(h, Encoding.UTF8.GetBytes(EventPrefix().Replace("C123ABC456", HostileBodies.Long(100_000), StringComparison.Ordinal) + "hi" + EventSuffix()), Json),
        ["replayed timestamp (10 minutes old)"] = h => Send(h, CommandForm("start Checkout returns 502"), Form, timestamp: Seconds(-600)),
        ["future timestamp (10 minutes ahead)"] = h => Send(h, CommandForm("start Checkout returns 502"), Form, timestamp: Seconds(600)),
        ["timestamp far in the future"] = h => Send(h, CommandForm("start Checkout returns 502"), Form, timestamp: "99999999999999999999"),
        ["timestamp that is not a number"] = h => Send(h, CommandForm("start Checkout returns 502"), Form, timestamp: "yesterday"),
        ["signature for another body"] = h => Send(h, CommandForm("start Checkout returns 502"), Form, signedBody: CommandForm("help")),
        ["signature with another secret"] = h => Send(h, CommandForm("start Checkout returns 502"), Form, secret: "not-the-secret"),
        ["signature that is not hex"] = h => Send(h, CommandForm("start Checkout returns 502"), Form, signature: "v0=zz" + new string('z', 62)),
        ["signature of 10,000 characters"] = h => Send(h, CommandForm("start Checkout returns 502"), Form, signature: "v0=" + new string('a', 10_000)),
        ["no signature headers"] = h => Send(h, CommandForm("start Checkout returns 502"), Form, secret: null),
        ["unknown event type"] = h => Send(h, Encoding.UTF8.GetBytes("{\"type\":\"event_callback\",\"team_id\":\"T123ABC456\",\"event_id\":\"Ev1\",\"event\":{\"type\":\"made_up_event\",\"channel\":\"C123ABC456\",\"text\":\"start x\"}}"), Json),
        ["unknown envelope type"] = h => Send(h, Encoding.UTF8.GetBytes("{\"type\":\"made_up_envelope\",\"challenge\":\"x\"}"), Json),
        ["event with no event object"] = h => Send(h, Encoding.UTF8.GetBytes("{\"type\":\"event_callback\",\"team_id\":\"T123ABC456\"}"), Json),
        ["event with wrongly typed fields"] = h => Send(h, Encoding.UTF8.GetBytes("{\"type\":\"event_callback\",\"team_id\":7,\"event\":{\"type\":\"message\",\"channel\":[],\"text\":{},\"ts\":true}}"), Json),
        ["url_verification without a challenge"] = h => Send(h, Encoding.UTF8.GetBytes("{\"type\":\"url_verification\"}"), Json),
        ["unknown interactivity type"] = h => Send(h, Encoding.UTF8.GetBytes("payload=" + Uri.EscapeDataString("{\"type\":\"made_up\",\"team\":{\"id\":\"T123ABC456\"}}")), Form),
        ["lone surrogates escaped in an interactivity payload"] = h => Send(h, Encoding.UTF8.GetBytes("payload=" + Uri.EscapeDataString("{\"type\":\"message_action\",\"callback_id\":\"\\ud800\",\"team\":{\"id\":\"T123ABC456\"}}")), Form),
        ["interactivity payload that is JSON null"] = h => Send(h, Encoding.UTF8.GetBytes("payload=null"), Form),
        ["start with a 10,000-character title"] = h => Send(h, CommandForm("start " + HostileBodies.Long(10_000)), Form),
        ["note with a 10,000-character text"] = h => Send(h, CommandForm("note " + HostileBodies.Long(10_000)), Form),
        ["severity with a 10,000-character argument"] = h => Send(h, CommandForm("sev " + HostileBodies.Long(10_000)), Form),
        ["a 10,000-character verb"] = h => Send(h, CommandForm(HostileBodies.Long(10_000)), Form),
        ["start with odd Unicode only"] = h => Send(h, CommandForm("start \u200B\u200D\u2060\uFEFF"), Form),
        ["command with a 10,000-character channel id"] = h => Send(h, CommandForm("start Checkout returns 502", channel: HostileBodies.Long(10_000)), Form),
        ["empty JSON body"] = h => Send(h, [], Json),
        ["empty form body"] = h => Send(h, [], Form),
    };

    static IReadOnlyDictionary<string, Func<ScribeBotApplication, Task<HttpResponseMessage>>> IHostileCases.PlatformCases => Cases;

    static string IHostileCases.TypeName => "event_callback";

    protected override ChannelRef Channel => SlackPayloads.Channel;

    protected override Task<ScribeBotApplication> StartHostAsync() => new ScribeBotApplication().WithSlack().StartKestrelAsync();

    /// <summary>The control goes through the same host, signing and store check as the cases.</summary>
    protected override Task<HttpResponseMessage> SendValidStartAsync(ScribeBotApplication host) =>
        Send(host, CommandForm("start Checkout returns 502"), Form);

    private static string Seconds(int plus) =>
        (TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() + plus).ToString(CultureInfo.InvariantCulture);

    private static string EventPrefix() =>
        "{\"token\":\"x\",\"team_id\":\"T123ABC456\",\"api_app_id\":\"A1\",\"type\":\"event_callback\",\"event_id\":\"Ev" + Guid.NewGuid().ToString("N") +
        "\",\"event_time\":1772460000,\"event\":{\"type\":\"message\",\"channel\":\"C123ABC456\",\"user\":\"U1\",\"ts\":\"1772460000.000100\",\"text\":\"";

    private static string EventSuffix() => "\"}}";

    private static byte[] Event(string text) =>
        Encoding.UTF8.GetBytes(EventPrefix() + System.Text.Json.JsonEncodedText.Encode(text).ToString() + EventSuffix());

    private static byte[] Cut(byte[] body) => body[..(body.Length / 2)];

    private static byte[] Multipart(byte[] json) =>
        [.. "--XyZ\r\nContent-Disposition: form-data; name=\"payload\"\r\nContent-Type: application/json\r\n\r\n"u8, .. json, .. "\r\n--XyZ--\r\n"u8];

    private static byte[] CommandForm(string text, string channel = SlackPayloads.ChannelId)
    {
        var form = SlackPayloads.Command(text, "1.2." + Guid.NewGuid().ToString("N"));
        form["channel_id"] = channel;
        return Encoding.UTF8.GetBytes(string.Join('&', form.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value))));
    }

    static Task<HttpResponseMessage> IHostileCases.SendJsonAsync(ScribeBotApplication host, byte[] body) => Send(host, body, Json);

    private static async Task<HttpResponseMessage> Send(
        ScribeBotApplication host, byte[] body, string? contentType, string? timestamp = null, string? secret = SlackPayloads.Secret,
        byte[]? signedBody = null, string? signature = null, bool chunked = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "slack/events")
        {
            Content = chunked ? HostileBodies.Chunked(body) : new ByteArrayContent(body),
        };
        if (contentType is not null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        if (secret is not null)
        {
            timestamp ??= Seconds(0);
            request.Headers.TryAddWithoutValidation("X-Slack-Request-Timestamp", timestamp);
            request.Headers.TryAddWithoutValidation("X-Slack-Signature", signature ?? SlackPayloads.Sign(timestamp, signedBody ?? body, secret));
        }

        return await host.Client.SendAsync(request);
    }
}
