namespace ScribeBot.Testing.Trackers;

/// <summary>
/// Jira Cloud's REST v3 as a real HTTP server on 127.0.0.1 (Kestrel, port 0), for one account and the projects a test
/// names. <c>POST /rest/api/3/issue</c> keeps the issue and answers 201 with the published example's shape
/// (tests/fixtures/trackers/jira_create_issue_response_201.docs.json: id, key, self; the transition it reports only
/// when asked for one is left out); <c>POST /rest/api/3/search/jql</c> answers the kept issues whose labels hold the
/// JQL's <c>labels = "..."</c>. Creates are scripted as <see cref="FakeGitHub"/>'s are. <c>GET /rest/api/3/issue/{key}</c>
/// answers with the published example of that operation (jira_get_issue_response_200.docs.json), the issue's own id, key
/// and self, only the fields asked for in <c>fields=</c>, and its status shaped as the published status example
/// (jira_get_status_response_200.docs.json) in Jira Cloud's real categories: <c>new</c>, <c>indeterminate</c>, <c>done</c>.
/// A JQL naming a project it does not keep is answered 400 with Atlassian's published message for it; search can be made
/// to lag behind creates (<see cref="LagSearch"/>).
/// </summary>
public sealed class FakeJira : FakeTracker
{
    public const string Email = "scribebot@example.com";
    public const string ApiToken = "ATATT_FAKE_JIRA_TOKEN";

    private int _id = 10000;

    // When each issue starts to show in search/jql (absent: at once), and the clock and lag that set it, under Gate.
    private readonly Dictionary<string, DateTimeOffset> _searchableFrom = new(StringComparer.Ordinal);
    private (TimeSpan Lag, TimeProvider Clock)? _searchLag;

    private FakeJira(WebApplication app, Uri root)
        : base(app, StringComparer.Ordinal)
    {
        Root = root;
    }

    /// <summary>What <c>Followups:Jira:BaseUrl</c> should be.</summary>
    public Uri Root { get; }

    /// <param name="projects">The keys of the projects that exist.</param>
    public static Task<FakeJira> StartAsync(params string[] projects) => StartAsync((app, root) => new FakeJira(app, root), projects);

    protected override bool IsCreate(FakeGitHubCall call) => call.Path.EndsWith("/issue", StringComparison.Ordinal);

    protected override string JsonContentType => "application/json;charset=UTF-8";

    protected override async Task HandleAsync(HttpContext context)
    {
        var call = await RecordAsync(context.Request);

        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Email}:{ApiToken}"));
        if (call.Authorization != expected)
        {
            context.Response.StatusCode = 401;
            return;
        }

        if (call.Method == "GET" && call.Path.StartsWith(IssuePath, StringComparison.Ordinal))
        {
            await ReadAsync(context, call);
            return;
        }

        var json = JsonNode.Parse(call.Body)!.AsObject();
        switch (call.Path)
        {
            case "/rest/api/3/search/jql":
                await SearchAsync(context, (string)json["jql"]!);
                return;
            case "/rest/api/3/issue":
                await CreateAsync(context, json["fields"]!.AsObject());
                return;
            default:
                context.Response.StatusCode = 404;
                return;
        }
    }

    /// <summary>
    /// Moves issue <paramref name="key"/> to a status of category <paramref name="category"/> (<c>new</c>,
    /// <c>indeterminate</c> or <c>done</c>), as someone working it in Jira would.
    /// </summary>
    public void Transition(string key, string category)
    {
        lock (Gate)
        {
            var issue = Kept.Values.SelectMany(p => p).Single(i => (string?)i["key"] == key);
            issue["fields"]!["status"] = new JsonObject
            {
                ["name"] = category switch { "done" => "Done", "indeterminate" => "In Progress", _ => "To Do" },
                ["statusCategory"] = new JsonObject { ["key"] = category },
            };
        }
    }

    /// <summary>
    /// Makes each issue created from now on invisible to <c>search/jql</c> for <paramref name="lag"/> of
    /// <paramref name="clock"/>, as Jira Cloud's eventually consistent search is (Atlassian, "Search after write with search
    /// and reconcile": seconds, sometimes minutes). The issue itself exists at once: reading it by its key finds it.
    /// </summary>
    public void LagSearch(TimeSpan lag, TimeProvider clock)
    {
        lock (Gate)
        {
            _searchLag = (lag, clock);
        }
    }

    private const string IssuePath = "/rest/api/3/issue/";

    // The published getIssue example, with the kept issue's identity, status and creation; Jira returns only the fields a
    // request names, so the published example's other fields are kept only when asked for.
    private async Task ReadAsync(HttpContext context, FakeGitHubCall call)
    {
        if (await HeldAsync(context))
        {
            return;
        }

        var key = Uri.UnescapeDataString(call.Path[IssuePath.Length..]);
        JsonObject? kept;
        lock (Gate)
        {
            kept = Kept.Values.SelectMany(p => p).SingleOrDefault(i => (string?)i["key"] == key)?.DeepClone().AsObject();
        }

        if (kept is null)
        {
            await JsonAsync(context, 404, new JsonObject { ["errorMessages"] = new JsonArray("Issue does not exist or you do not have permission to see it."), ["errors"] = new JsonObject() });
            return;
        }

        var answer = Fixtures.Trackers.Json("jira_get_issue_response_200.docs.json").Deserialize<JsonObject>()!;
        var id = (string)kept["id"]!;
        answer["id"] = id;
        answer["key"] = key;
        answer["self"] = new Uri(Root, $"rest/api/3/issue/{id}").AbsoluteUri;
        var category = (string)kept["fields"]!["status"]!["statusCategory"]!["key"]!;
        var status = Fixtures.Trackers.Json("jira_get_status_response_200.docs.json").Deserialize<JsonObject>()!;
        status["name"] = kept["fields"]!["status"]!["name"]!.DeepClone();
        status["statusCategory"]!["key"] = category;
        status["statusCategory"]!["name"] = category switch { "done" => "Done", "indeterminate" => "In Progress", _ => "To Do" };
        status["statusCategory"]!["id"] = category switch { "done" => 3, "indeterminate" => 4, _ => 2 };
        var fields = answer["fields"]!.AsObject();
        fields["status"] = status;
        fields["created"] = kept["fields"]!["created"]!.DeepClone();
        var asked = QueryHelpers.ParseQuery(call.Query).TryGetValue("fields", out var names)
            ? names.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal)
            : null;
        foreach (var name in fields.Select(f => f.Key).ToArray())
        {
            if (asked is not null && !asked.Contains(name))
            {
                fields.Remove(name);
            }
        }

        await JsonAsync(context, 200, answer);
    }

    private async Task SearchAsync(HttpContext context, string jql)
    {
        var project = System.Text.RegularExpressions.Regex.Match(jql, "project = \"([^\"]+)\"").Groups[1].Value;
        var label = System.Text.RegularExpressions.Regex.Match(jql, "labels = \"([^\"]+)\"").Groups[1].Value;
        if (!Kept.TryGetValue(project, out var issues))
        {
            // Jira answers a project the account cannot see in JQL with 400, an ErrorCollection holding the field-less
            // message Atlassian publishes for "project = INVALID" (jira_parse_jql_response_200.docs.json).
            await JsonAsync(context, 400, new JsonObject { ["errorMessages"] = new JsonArray(UnknownProjectMessage(project)), ["errors"] = new JsonObject() });
            return;
        }

        JsonObject[] matching;
        lock (Gate)
        {
            matching = [.. issues.Where(i => i["fields"]!["labels"]!.AsArray().Any(l => (string?)l == label) && Searchable(i)).Reverse()];
        }

        await JsonAsync(context, 200, new JsonObject { ["issues"] = new JsonArray([.. matching.Select(i => i.DeepClone())]), ["isLast"] = true });
    }

    private async Task CreateAsync(HttpContext context, JsonObject fields)
    {
        var script = NextScript();
        if (script is { Refusal: { } refusal })
        {
            await RefuseAsync(context, refusal);
            return;
        }

        var project = (string?)fields["project"]?["key"] ?? "";
        if (!Kept.TryGetValue(project, out var issues))
        {
            await JsonAsync(context, 400, new JsonObject { ["errorMessages"] = new JsonArray(), ["errors"] = new JsonObject { ["project"] = "valid project is required" } });
            return;
        }

        var published = Fixtures.Trackers.Json("jira_create_issue_response_201.docs.json").Deserialize<JsonObject>()!;
        var id = Interlocked.Increment(ref _id);
        List<JsonObject> sameProject;
        lock (Gate)
        {
            sameProject = issues;
        }

        var key = $"{project}-{sameProject.Count + 24}";
        var answer = new JsonObject
        {
            ["id"] = id.ToString(CultureInfo.InvariantCulture),
            ["key"] = key,
            ["self"] = ((string)published["self"]!).Replace("https://your-domain.atlassian.net/", Root.AbsoluteUri, StringComparison.Ordinal).Replace("10000", id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal),
        };
        var stored = new JsonObject
        {
            ["id"] = answer["id"]!.DeepClone(),
            ["key"] = key,
            ["fields"] = new JsonObject
            {
                ["summary"] = fields["summary"]!.DeepClone(),
                ["description"] = fields["description"]!.DeepClone(),
                ["labels"] = fields["labels"]!.DeepClone(),
                ["created"] = "2026-03-02T16:00:00.000+0000",
                ["status"] = new JsonObject { ["name"] = "To Do", ["statusCategory"] = new JsonObject { ["key"] = "new" } },
            },
        };
        lock (Gate)
        {
            issues.Add(stored);
            if (_searchLag is { } search)
            {
                _searchableFrom[key] = search.Clock.GetUtcNow() + search.Lag;
            }
        }

        await AnswerCreateAsync(context, script, 201, answer);
    }

    /// <summary>Jira's message for a JQL clause <c>project = "{project}"</c> naming a project that does not exist, as Atlassian publishes it.</summary>
    public static string UnknownProjectMessage(string project)
    {
        var published = Fixtures.Trackers.Json("jira_parse_jql_response_200.docs.json").GetProperty("queries").EnumerateArray()
            .Single(q => q.GetProperty("query").GetString() == "project = INVALID");
        return published.GetProperty("warnings")[0].GetString()!.Replace("'INVALID'", $"'{project}'", StringComparison.Ordinal);
    }

    // Under Gate.
    private bool Searchable(JsonObject issue) =>
        !_searchableFrom.TryGetValue((string)issue["key"]!, out var from) || _searchLag is not { } search || search.Clock.GetUtcNow() >= from;
}
