namespace ScribeBot.Testing.Slack;

/// <summary>One scripted answer of <see cref="FakeSlack"/>.</summary>
public sealed record FakeResponse(int Status, string? Body, IReadOnlyDictionary<string, string>? ExtraHeaders = null, string ContentType = "application/json; charset=utf-8")
{
    public IReadOnlyDictionary<string, string> Headers => ExtraHeaders ?? new Dictionary<string, string>();

    /// <summary>
    /// For <c>files.completeUploadExternal</c>: Slack did the work (the files are shared) though its answer says
    /// otherwise, as when a proxy's 5xx replaces Slack's answer: the client cannot tell it from a failure.
    /// </summary>
    public bool Taken { get; init; }

    /// <summary>A <see cref="Taken"/> answer: a 500 from a proxy after Slack did the work.</summary>
    public static FakeResponse TakenButLost { get; } = new(500, "<html>upstream error</html>", ContentType: "text/html") { Taken = true };

    public static FakeResponse Json(string body) => new(200, body);

    /// <summary>For <c>chat.postMessage</c>: Slack posts the message but its answer never comes (the connection hangs).</summary>
    public static FakeResponse PostedButUnanswered { get; } = new(0, null);

    public static FakeResponse Fixture(string name) => new(200, File.ReadAllText(Path.Combine(Fixtures.Slack.Directory, name)));

    public static FakeResponse Error(string code) => Json($$"""{"ok":false,"error":"{{code}}"}""");

    /// <summary>Slack's 429, shaped as python-slack-sdk's mock does (no raw Slack sample is published).</summary>
    public static FakeResponse RateLimited(string retryAfterSeconds) =>
        new(429, """{"ok":false,"error":"ratelimited"}""", new Dictionary<string, string> { ["Retry-After"] = retryAfterSeconds });
}
