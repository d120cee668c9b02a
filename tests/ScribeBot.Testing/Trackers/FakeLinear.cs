namespace ScribeBot.Testing.Trackers;

/// <summary>
/// Linear's GraphQL API as a real HTTP server on 127.0.0.1 (Kestrel, port 0), for one API key and the teams a test
/// names. <c>POST /graphql</c> with an <c>issueCreate</c> mutation keeps the issue and answers the published
/// mutation's selection (tests/fixtures/trackers/linear_issue_create_mutation.docs.graphql: success, issue { id title })
/// plus the fields asked beside them; an <c>issues</c> query answers the kept issues of the filter's team whose
/// description contains the filter's string. As Linear does, errors come back with HTTP 200 and an <c>errors</c>
/// array: an unknown team is "Entity not found: Team", a wrong key is 400 AUTHENTICATION_ERROR. Linear publishes no
/// error example, so those bodies follow the documented GraphQL shape (message, extensions.code/type/
/// userPresentableMessage). Creates are scripted as <see cref="FakeGitHub"/>'s are.
/// </summary>
public sealed class FakeLinear : FakeTracker
{
    public const string ApiKey = "lin_api_FAKE_LINEAR_KEY";

    /// <summary>The team id of the published example.</summary>
    public const string Team = "9cfb482a-81e3-4154-b5b9-2c805e70a02d";

    private int _number;

    private FakeLinear(WebApplication app, Uri endpoint)
        : base(app, StringComparer.Ordinal)
    {
        Endpoint = endpoint;
    }

    /// <summary>What <c>Followups:Linear:BaseUrl</c> should be.</summary>
    public Uri Endpoint { get; }

    /// <param name="teams">The ids of the teams that exist.</param>
    public static Task<FakeLinear> StartAsync(params string[] teams) => StartAsync((app, root) => new FakeLinear(app, new Uri(root, "graphql")), teams);

    /// <summary>Moves issue <paramref name="identifier"/> to a completed state, as someone in Linear would.</summary>
    public void Complete(string identifier)
    {
        lock (Gate)
        {
            Kept.Values.SelectMany(i => i).Single(i => (string?)i["identifier"] == identifier)["state"] = new JsonObject { ["type"] = "completed" };
        }
    }

    /// <summary>A GraphQL error body as Linear sends it (HTTP 200 unless told).</summary>
    public static JsonObject Error(string message, string code, string userMessage) => new()
    {
        ["errors"] = new JsonArray(new JsonObject
        {
            ["message"] = message,
            ["path"] = new JsonArray("issueCreate"),
            ["extensions"] = new JsonObject { ["code"] = code, ["type"] = code.ToLowerInvariant().Replace('_', ' '), ["userPresentableMessage"] = userMessage },
        }),
        ["data"] = null,
    };

    protected override bool IsCreate(FakeGitHubCall call) => call.Body.Contains("issueCreate(", StringComparison.Ordinal);

    protected override async Task HandleAsync(HttpContext context)
    {
        var call = await RecordAsync(context.Request);

        if (call.Method != "POST" || call.Path != "/graphql")
        {
            context.Response.StatusCode = 404;
            return;
        }

        if (call.Authorization != ApiKey)
        {
            await JsonAsync(context, 400, Error("Authentication required, not authenticated", "AUTHENTICATION_ERROR", "You need to authenticate to access this operation."));
            return;
        }

        var json = JsonNode.Parse(call.Body)!.AsObject();
        var query = (string)json["query"]!;
        var variables = json["variables"]?.AsObject() ?? [];
        if (query.Contains("issueCreate(", StringComparison.Ordinal))
        {
            await CreateAsync(context, variables["input"]!.AsObject());
        }
        else if (query.Contains("issue(id:", StringComparison.Ordinal))
        {
            await ReadAsync(context, (string)variables["id"]!);
        }
        else if (query.Contains("issues(", StringComparison.Ordinal))
        {
            await SearchAsync(context, (string)variables["team"]!, (string)variables["marker"]!);
        }
        else
        {
            await JsonAsync(context, 400, Error("Cannot query this document", "GRAPHQL_VALIDATION_FAILED", "Unknown query."));
        }
    }

    private async Task ReadAsync(HttpContext context, string id)
    {
        JsonObject? issue;
        lock (Gate)
        {
            issue = Kept.Values.SelectMany(i => i).FirstOrDefault(i => (string?)i["identifier"] == id || (string?)i["id"] == id)?.DeepClone().AsObject();
        }

        await JsonAsync(context, 200, issue is null
            ? Error("Entity not found: Issue", "INVALID_INPUT", "Could not find referenced Issue.")
            : new JsonObject { ["data"] = new JsonObject { ["issue"] = issue } });
    }

    private async Task SearchAsync(HttpContext context, string team, string contains)
    {
        JsonObject[] matching = [];
        if (Kept.TryGetValue(team, out var issues))
        {
            lock (Gate)
            {
                matching = [.. issues.Where(i => ((string)i["description"]!).Contains(contains, StringComparison.Ordinal)).Reverse()];
            }
        }

        // A filter on an unknown team is just an empty list in GraphQL, not an error.
        await JsonAsync(context, 200, new JsonObject { ["data"] = new JsonObject { ["issues"] = new JsonObject { ["nodes"] = new JsonArray([.. matching.Select(i => i.DeepClone())]) } } });
    }

    private async Task CreateAsync(HttpContext context, JsonObject input)
    {
        var script = NextScript();
        if (script is { Refusal: { } refusal })
        {
            await RefuseAsync(context, refusal);
            return;
        }

        var team = (string?)input["teamId"] ?? "";
        if (!Kept.TryGetValue(team, out var issues))
        {
            await JsonAsync(context, 200, Error("Entity not found: Team", "INVALID_INPUT", "Could not find referenced Team."));
            return;
        }

        var number = Interlocked.Increment(ref _number);
        var identifier = $"ENG-{number}";
        var issue = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["title"] = input["title"]!.DeepClone(),
            ["identifier"] = identifier,
            ["url"] = $"https://linear.app/example/issue/{identifier}",
            ["description"] = input["description"]!.DeepClone(),
            ["createdAt"] = "2026-03-02T16:00:00.000Z",
            ["state"] = new JsonObject { ["type"] = "backlog" },
            ["assigneeId"] = input["assigneeId"]?.DeepClone(),
            ["labelIds"] = input["labelIds"]?.DeepClone() ?? new JsonArray(),
        };
        lock (Gate)
        {
            issues.Add(issue);
        }

        await AnswerCreateAsync(context, script, 200,
            new JsonObject { ["data"] = new JsonObject { ["issueCreate"] = new JsonObject { ["success"] = true, ["issue"] = issue.DeepClone() } } });
    }
}
