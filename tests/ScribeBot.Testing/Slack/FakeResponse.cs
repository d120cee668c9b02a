namespace ScribeBot.Testing.Slack;

/// <summary>One scripted answer of <see cref="FakeSlack"/>.</summary>
public sealed record FakeResponse(int Status, string? Body, IReadOnlyDictionary<string, string>? ExtraHeaders = null, string ContentType = "application/json; charset=utf-8")
{
    public IReadOnlyDictionary<string, string> Headers => ExtraHeaders ?? new Dictionary<string, string>();

    public static FakeResponse Json(string body) => new(200, body);

    /// <summary>For <c>chat.postMessage</c>: Slack posts the message but its answer never comes (the connection hangs).</summary>
    public static FakeResponse PostedButUnanswered { get; } = new(0, null);

    public static FakeResponse Fixture(string name) => new(200, File.ReadAllText(Path.Combine(Fixtures.Slack.Directory, name)));

    public static FakeResponse Error(string code) => Json($$"""{"ok":false,"error":"{{code}}"}""");

    /// <summary>Slack's 429, shaped as python-slack-sdk's mock does (no raw Slack sample is published).</summary>
    public static FakeResponse RateLimited(string retryAfterSeconds) =>
        new(429, """{"ok":false,"error":"ratelimited"}""", new Dictionary<string, string> { ["Retry-After"] = retryAfterSeconds });
}
