using ScribeBot.Testing.Hostile;

namespace ScribeBot.Tests.Hostile;

/// <summary>
/// Hostile and malformed requests to <c>POST /api/messages</c> on the real host with no app id (so unauthenticated,
/// the case where the body reaches the Bot Framework and the bot). Each gets a 4xx or a clear 200, never a 5xx, and
/// stores nothing.
/// </summary>
public sealed class TeamsHostileCorpusTests : HostileCaseCorpus<TeamsHostileCorpusTests>, IHostileCases
{
    private const string Json = "application/json";
    private static readonly (string Id, string Name) Mallory = ("29:mallory", "Mallory");
    private static readonly DateTimeOffset At = TeamsPayloads.Start;

    private static readonly Dictionary<string, Func<ScribeBotApplication, Task<HttpResponseMessage>>> Cases = new()
    {
        ["truncated JSON activity"] = h => Send(h, Cut(Bytes(Command(h, "start Checkout returns 502"))), Json),
        ["JSON activity sent as text/plain"] = h => Send(h, Bytes(Command(h, "start Checkout returns 502")), "text/plain"),
        ["JSON activity sent as multipart"] = h => Send(h, [.. "--XyZ\r\nContent-Type: application/json\r\n\r\n"u8, .. Bytes(Command(h, "start x")), .. "\r\n--XyZ--\r\n"u8], "multipart/form-data; boundary=XyZ"),
        ["JSON activity with no content type"] = h => Send(h, Bytes(Command(h, "start Checkout returns 502")), contentType: null),
        ["JSON activity sent as a form"] = h => Send(h, Bytes(Command(h, "start Checkout returns 502")), "application/x-www-form-urlencoded"),
        ["body over 1 MiB with Content-Length"] = h => Send(h, Bytes(Command(h, "note " + new string('a', HostileBodies.OverLimit))), Json),
        ["body over 1 MiB chunked"] = h => Send(h, Bytes(Command(h, "start " + new string('a', HostileBodies.OverLimit))), Json, chunked: true),
        ["garbage over 1 MiB chunked"] = h => Send(h, HostileBodies.Over1MiB((byte)'{'), Json, chunked: true),
        ["10,000 levels of nested JSON in an activity's value"] = h => Send(h, HostileBodies.DeeplyNested("{\"type\":\"invoke\",\"name\":\"composeExtension/fetchTask\",\"value\":", "}"), Json),
        ["invalid UTF-8 in a command"] = h => Send(h, Replace(Command(h, "start MARK checkout"), "MARK", [0x80, 0xC0, 0xAF, 0xFF]), Json),
        ["lone surrogates escaped in a command"] = h => Send(h, Replace(Command(h, "start MARK checkout"), "MARK", Encoding.UTF8.GetBytes(HostileBodies.LoneSurrogatesEscaped)), Json),
        ["lone surrogates escaped in a message"] = h => Send(h, Replace(Message(h, "MARK"), "MARK", Encoding.UTF8.GetBytes(HostileBodies.LoneSurrogatesEscaped)), Json),
        ["RTL override and zero-width characters in a message"] = h => Send(h, Bytes(Message(h, HostileBodies.OddUnicode)), Json),
        ["start with odd Unicode only"] = h => Send(h, Bytes(Command(h, "start \u200B\u200D\u2060\uFEFF\u202E")), Json),
        ["100,000-character message"] = h => Send(h, Bytes(Message(h, HostileBodies.Long(100_000))), Json),
        ["100,000-character conversation id"] = h => Send(h, Bytes(With(Command(h, "start Checkout returns 502"), a => a["conversation"]!["id"] = HostileBodies.Long(100_000))), Json),
        ["start with a 10,000-character title"] = h => Send(h, Bytes(Command(h, "start " + HostileBodies.Long(10_000))), Json),
        ["note with a 10,000-character text"] = h => Send(h, Bytes(Command(h, "note " + HostileBodies.Long(10_000))), Json),
        ["a 10,000-character verb"] = h => Send(h, Bytes(Command(h, HostileBodies.Long(10_000))), Json),
        ["unknown activity type"] = h => Send(h, Bytes(With(Command(h, "start x"), a => a["type"] = "madeUpActivity")), Json),
        ["activity with no type"] = h => Send(h, Bytes(With(Command(h, "start x"), a => a.Remove("type"))), Json),
        ["unknown invoke name"] = h => Send(h, Bytes(With(Fetch(h), a => a["name"] = "made/upInvoke")), Json),
        ["invoke with no name"] = h => Send(h, Bytes(With(Fetch(h), a => a.Remove("name"))), Json),
        ["unknown message extension command"] = h => Send(h, Bytes(With(Fetch(h), a => a["value"]!["commandId"] = "madeUpCommand")), Json),
        ["fetchTask with no serviceUrl"] = h => Send(h, Bytes(With(Fetch(h), a => a.Remove("serviceUrl"))), Json),
        ["unknown invoke with no serviceUrl"] = h => Send(h, Bytes(With(Fetch(h), a => { a.Remove("serviceUrl"); a["name"] = "made/up"; })), Json),
        ["fetchTask with no value"] = h => Send(h, Bytes(With(Fetch(h), a => a.Remove("value"))), Json),
        ["submitAction with a value of the wrong shape"] = h => Send(h, Bytes(With(Fetch(h), a => { a["name"] = "composeExtension/submitAction"; a["value"] = new JsonArray(1, 2); })), Json),
        ["adaptive card action with an unknown verb"] = h => Send(h, Bytes(With(TeamsPayloads.Fixture("invoke_adaptiveCard_action_personal.json"), a => a["serviceUrl"] = h.ServiceUrl.AbsoluteUri)), Json),
        ["message with no conversation"] = h => Send(h, Bytes(With(Command(h, "start Checkout returns 502"), a => a.Remove("conversation"))), Json),
        ["message with no sender"] = h => Send(h, Bytes(With(Command(h, "start Checkout returns 502"), a => a.Remove("from"))), Json),
        ["message with fields of the wrong type"] = h => Send(h, Bytes(With(Command(h, "start x"), a => { a["text"] = new JsonArray(); a["entities"] = 5; a["channelData"] = "x"; })), Json),
        ["message whose sender is a number"] = h => Send(h, Bytes(With(Command(h, "start Checkout returns 502"), a => a["from"] = 5)), Json),
        ["message whose timestamp is not a date"] = h => Send(h, Bytes(With(Command(h, "start Checkout returns 502"), a => a["timestamp"] = "yesterday")), Json),
        ["message whose entities are objects of the wrong shape"] = h => Send(h, Bytes(With(Command(h, "start Checkout returns 502"), a => a["entities"] = new JsonArray(7, "x", new JsonObject { ["type"] = "mention", ["mentioned"] = 3 }))), Json),
        ["message with no serviceUrl"] = h => Send(h, Bytes(With(Command(h, "start Checkout returns 502"), a => a.Remove("serviceUrl"))), Json),
        ["message with a serviceUrl that is not a URL"] = h => Send(h, Bytes(With(Command(h, "start Checkout returns 502"), a => a["serviceUrl"] = "not a url")), Json),
        ["empty body"] = h => Send(h, [], Json),
        ["empty JSON object"] = h => Send(h, "{}"u8.ToArray(), Json),
    };

    static IReadOnlyDictionary<string, Func<ScribeBotApplication, Task<HttpResponseMessage>>> IHostileCases.PlatformCases => Cases;

    static string IHostileCases.TypeName => "message";

    protected override ChannelRef Channel => TeamsPayloads.Channel;

    protected override Task<ScribeBotApplication> StartHostAsync() => new ScribeBotApplication().WithTeams().StartKestrelAsync();

    /// <summary>The control goes through the same host and store check as the cases.</summary>
    protected override Task<HttpResponseMessage> SendValidStartAsync(ScribeBotApplication host) =>
        Send(host, Bytes(Command(host, "start Checkout returns 502")), Json);

    private static JsonObject Command(ScribeBotApplication host, string text) =>
        TeamsPayloads.ChannelMessage(host.ServiceUrl, "1772460000000", "incident " + text, At, Mallory, mentionBot: true);

    private static JsonObject Message(ScribeBotApplication host, string text) =>
        TeamsPayloads.ChannelMessage(host.ServiceUrl, "1772460001000", text, At, Mallory);

    private static JsonObject Fetch(ScribeBotApplication host) =>
        TeamsPayloads.FetchTask(host.ServiceUrl, "1772460001000", "payments p99 is 3s", Mallory, At);

    private static JsonObject With(JsonObject activity, Action<JsonObject> change)
    {
        change(activity);
        return activity;
    }

    private static byte[] Bytes(JsonNode activity) => Encoding.UTF8.GetBytes(activity.ToJsonString());

    private static byte[] Cut(byte[] body) => body[..(body.Length / 2)];

    /// <summary>The activity's JSON with each <paramref name="marker"/> replaced by raw <paramref name="bytes"/>.</summary>
    private static byte[] Replace(JsonNode activity, string marker, byte[] bytes)
    {
        var text = activity.ToJsonString();
        var parts = text.Split(marker);
        var result = new List<byte>(Encoding.UTF8.GetBytes(parts[0]));
        foreach (var part in parts[1..])
        {
            result.AddRange(bytes);
            result.AddRange(Encoding.UTF8.GetBytes(part));
        }

        return [.. result];
    }

    static Task<HttpResponseMessage> IHostileCases.SendJsonAsync(ScribeBotApplication host, byte[] body) => Send(host, body, Json);

    private static async Task<HttpResponseMessage> Send(ScribeBotApplication host, byte[] body, string? contentType, bool chunked = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages")
        {
            Content = chunked ? HostileBodies.Chunked(body) : new ByteArrayContent(body),
        };
        if (contentType is not null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return await host.Client.SendAsync(request);
    }
}
