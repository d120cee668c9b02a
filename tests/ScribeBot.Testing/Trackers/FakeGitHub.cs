namespace ScribeBot.Testing.Trackers;

/// <summary>
/// GitHub's Issues REST API as a real HTTP server on 127.0.0.1 (Kestrel, port 0), for one token and the repositories a
/// test creates. <c>POST /repos/{owner}/{repo}/issues</c> keeps the issue and answers 201 with GitHub's published
/// issue example (tests/fixtures/trackers) with the new issue's number, title, body, labels, state and address put in;
/// <c>GET /repos/{owner}/{repo}/issues?labels=...</c> lists the kept issues that carry every label, paged as GitHub
/// pages. A test scripts the next creates (<see cref="NextCreates"/>): a lost answer keeps the issue and then answers
/// 502 or drops the connection; a refusal keeps nothing.
/// </summary>
public sealed class FakeGitHub : FakeTracker
{
    public const string Token = "github_pat_FAKE_TOKEN_NEVER_LOGGED";

    private int _issueNumber = 1346;
    private volatile int _readStatus;

    private FakeGitHub(WebApplication app, Uri root)
        : base(app, StringComparer.OrdinalIgnoreCase)
    {
        Root = root;
    }

    /// <summary>What <c>Followups:GitHub:BaseUrl</c> should be (GitHub Enterprise style: the API under a path).</summary>
    public Uri Root { get; }

    /// <param name="repositories">The repositories (<c>owner/name</c>) that exist.</param>
    public static Task<FakeGitHub> StartAsync(params string[] repositories) =>
        StartAsync((app, root) => new FakeGitHub(app, new Uri(root, "api/v3/")), repositories);

    /// <summary>Closes issue <paramref name="number"/> of <paramref name="repository"/>, as someone in GitHub would.</summary>
    public void Close(string repository, int number)
    {
        lock (Gate)
        {
            Kept[repository].Single(i => (int)i["number"]! == number)["state"] = "closed";
        }
    }

    /// <summary>Answers every read of one issue with <paramref name="status"/> (a 500: GitHub is down), or as GitHub would (0).</summary>
    public void FailReads(int status) => _readStatus = status;

    /// <summary>Polls until <paramref name="condition"/> holds, or fails after <paramref name="timeout"/> (default 30 s).</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            if (waited.Elapsed > (timeout ?? TimeSpan.FromSeconds(30)))
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }

            await Task.Delay(50);
        }
    }

    protected override bool IsCreate(FakeGitHubCall call) => call.Method == "POST";

    protected override JsonNode BadGatewayBody => new JsonObject { ["message"] = "Server Error" };

    /// <summary>GitHub sends a refusal's body as its own JSON.</summary>
    protected override Task RefuseAsync(HttpContext context, FakeRefusal refusal) =>
        JsonAsync(context, refusal.Status, JsonNode.Parse(refusal.Body)!);

    protected override async Task HandleAsync(HttpContext context)
    {
        var call = await RecordAsync(context.Request);

        // GitHub answers 401 to a missing or wrong token, before anything else.
        if (call.Authorization != $"Bearer {Token}")
        {
            await JsonAsync(context, 401, new JsonObject { ["message"] = "Bad credentials", ["documentation_url"] = "https://docs.github.com/rest", ["status"] = "401" });
            return;
        }

        var segments = call.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (call.Method == "GET" && segments is ["api", "v3", "repos", var o, var n, "issues", var number]
            && Kept.TryGetValue($"{o}/{n}", out var kept))
        {
            if (_readStatus != 0)
            {
                await JsonAsync(context, _readStatus, new JsonObject { ["message"] = "Server Error" });
                return;
            }

            if (await HeldAsync(context))
            {
                return;
            }

            JsonObject? one;
            lock (Gate)
            {
                one = kept.FirstOrDefault(i => i["number"]!.ToString() == number)?.DeepClone().AsObject();
            }

            await JsonAsync(context, one is null ? 404 : 200, one ?? new JsonObject { ["message"] = "Not Found", ["status"] = "404" });
            return;
        }

        if (segments is not ["api", "v3", "repos", var owner, var name, "issues"] || !Kept.TryGetValue($"{owner}/{name}", out var issues))
        {
            await JsonAsync(context, 404, new JsonObject { ["message"] = "Not Found", ["documentation_url"] = "https://docs.github.com/rest/issues/issues#create-an-issue", ["status"] = "404" });
            return;
        }

        if (call.Method == "GET")
        {
            await ListAsync(context, issues);
        }
        else
        {
            await CreateAsync(context, $"{owner}/{name}", issues, JsonNode.Parse(call.Body)!.AsObject());
        }
    }

    private async Task ListAsync(HttpContext context, List<JsonObject> issues)
    {
        var labels = context.Request.Query["labels"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);
        var perPage = int.TryParse(context.Request.Query["per_page"], out var size) ? size : 30;
        var page = int.TryParse(context.Request.Query["page"], out var number) ? number : 1;
        JsonObject[] matching;
        lock (Gate)
        {
            // GitHub lists newest first.
            matching = [.. issues.Where(i => labels.All(l => i["labels"]!.AsArray().Any(x => (string?)x!["name"] == l))).Reverse()];
        }

        var array = new JsonArray([.. matching.Skip((page - 1) * perPage).Take(perPage).Select(i => i.DeepClone())]);
        await JsonAsync(context, 200, array);
    }

    private async Task CreateAsync(HttpContext context, string repository, List<JsonObject> issues, JsonObject request)
    {
        var script = NextScript();
        if (script is { Refusal: { } refusal })
        {
            await RefuseAsync(context, refusal);
            return;
        }

        var issue = Fixtures.Trackers.Json("github_create_issue_response_201.docs.json").Deserialize<JsonObject>()!;
        var number = Interlocked.Increment(ref _issueNumber);
        issue["number"] = number;
        issue["id"] = number;
        issue["title"] = (string?)request["title"];
        issue["body"] = (string?)request["body"];
        issue["state"] = "open";
        issue["html_url"] = $"https://github.example/{repository}/issues/{number}";
        issue["url"] = new Uri(Root, $"repos/{repository}/issues/{number}").AbsoluteUri;
        issue["created_at"] = "2026-03-02T16:00:00Z";
        issue["labels"] = new JsonArray([.. (request["labels"]?.AsArray() ?? []).Select(l => (JsonNode)new JsonObject { ["name"] = (string?)l })]);
        lock (Gate)
        {
            issues.Add(issue);
        }

        await AnswerCreateAsync(context, script, 201, issue);
    }
}

/// <summary>One request the fake received.</summary>
public sealed record FakeGitHubCall(
    string Method, string Path, string Query, string Body, string Authorization, string Accept, string ApiVersion, string UserAgent);

/// <summary>How the fake loses the answer to a create it performed.</summary>
public enum FakeLoss
{
    BadGateway,
    DropConnection,
}

/// <summary>A scripted create: the issue is made and its answer lost (<see cref="Loss"/>), or it is refused.</summary>
public sealed record FakeCreate(FakeLoss? Loss, FakeRefusal? Refusal)
{
    public static FakeCreate Lost(FakeLoss loss) => new(loss, null);

    public static FakeCreate Refused(int status, string body) => new(null, new FakeRefusal(status, body));
}

public sealed record FakeRefusal(int Status, string Body);
