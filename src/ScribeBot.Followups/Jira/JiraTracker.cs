using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ScribeBot.Core.Followups;

namespace ScribeBot.Followups.Jira;

/// <summary>
/// Jira Cloud for one project, over REST v3: create an issue (<c>POST /rest/api/3/issue</c>, the description in
/// Atlassian Document Format) and find the issues already made for an incident with JQL on its label
/// (<c>POST /rest/api/3/search/jql</c>), reading each description for the marker. Basic auth: the account's email and
/// an API token.
/// </summary>
internal sealed class JiraTracker(
    HttpClient http, JiraOptions options, string project, IReadOnlyList<string> labels,
    IReadOnlyDictionary<string, string> accounts, TimeProvider time) : IFollowupTracker
{
    public string Tracker => "jira";

    public string Name => "Jira";

    public string Target => project;

    public IReadOnlyList<string> Labels => labels;

    public string? AssigneeFor(string owner) => accounts.GetValueOrDefault(owner);

    public async Task<TrackerResult<IReadOnlyDictionary<string, FollowupLink>>> FindAsync(
        string incidentLabel, IReadOnlyCollection<string> markers, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Post, "rest/api/3/search/jql");
        request.Content = JsonContent.Create(new JsonObject
        {
            ["jql"] = $"project = \"{Quote(project)}\" AND labels = \"{Quote(incidentLabel)}\" ORDER BY created DESC",
            ["fields"] = new JsonArray("description", "status", "created"),
            ["maxResults"] = 100,
        });
        var answer = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (answer.Failure is { } failure)
        {
            return failure;
        }

        var found = new Dictionary<string, FollowupLink>(StringComparer.Ordinal);
        foreach (var issue in answer.Value!["issues"]?.AsArray() ?? [])
        {
            // The ADF is read as JSON text: the marker is one text node, written by JiraDocument.
            var description = issue?["fields"]?["description"]?.ToJsonString() ?? string.Empty;
            foreach (var marker in markers.Where(m => !found.ContainsKey(m) && description.Contains(JiraDocument.MarkerText(m), StringComparison.Ordinal)))
            {
                found[marker] = ToLink(issue!, created: null);
            }
        }

        return new TrackerResult<IReadOnlyDictionary<string, FollowupLink>>(found);
    }

    public async Task<TrackerResult<FollowupLink>> CreateAsync(FollowupIssue issue, CancellationToken cancellationToken)
    {
        var fields = new JsonObject
        {
            ["project"] = new JsonObject { ["key"] = project },
            ["issuetype"] = new JsonObject { ["name"] = options.IssueType },
            ["summary"] = issue.Title.Length <= 255 ? issue.Title : issue.Title[..254] + "…",
            ["description"] = JiraDocument.From(issue.Body, issue.Marker),
            // Jira labels cannot hold spaces.
            ["labels"] = new JsonArray([.. issue.Labels.Select(l => (JsonNode)l.Replace(' ', '-'))]),
        };
        if (issue.Assignee is { } account)
        {
            fields["assignee"] = new JsonObject { ["id"] = account };
        }

        using var request = Request(HttpMethod.Post, "rest/api/3/issue");
        request.Content = JsonContent.Create(new JsonObject { ["fields"] = fields, ["update"] = new JsonObject() });
        var answer = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return answer.Failure is { } failure ? failure : new TrackerResult<FollowupLink>(ToLink(answer.Value!, time.GetUtcNow()));
    }

    public async Task<TrackerResult<FollowupState>> ReadStateAsync(string issueKey, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, $"rest/api/3/issue/{Uri.EscapeDataString(issueKey)}?fields=status,created");
        var answer = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        return answer.Failure is { } failure ? failure : new TrackerResult<FollowupState>(ToLink(answer.Value!, created: null).State);
    }

    private FollowupLink ToLink(JsonNode issue, DateTimeOffset? created)
    {
        var key = (string?)issue["key"] ?? (string?)issue["id"] ?? "?";
        var category = (string?)issue["fields"]?["status"]?["statusCategory"]?["key"];
        var at = created
            ?? (DateTimeOffset.TryParse((string?)issue["fields"]?["created"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var when) ? when : time.GetUtcNow());
        return new FollowupLink(Tracker, key, new Uri(BaseUri, $"browse/{Uri.EscapeDataString(key)}").AbsoluteUri,
            category == "done" ? FollowupState.Closed : FollowupState.Open, at);
    }

    private Uri BaseUri => new(options.BaseUrl!.TrimEnd('/') + "/");

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(BaseUri, path));
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Email}:{options.ApiToken}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    private async Task<TrackerResult<JsonNode>> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return await JiraFailures.ReadAsync(response, project, cancellationToken).ConfigureAwait(false);
            }

            var value = await response.Content.ReadFromJsonAsync<JsonNode>(cancellationToken).ConfigureAwait(false);
            return value is null ? TrackerFailure.Transient("Jira answered with an empty body") : new TrackerResult<JsonNode>(value);
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // A lost connection or a cut answer: the issue may or may not exist. The retry looks for its marker first.
            return TrackerFailure.Transient($"{exception.GetType().Name}: {exception.Message}");
        }
    }

    private static string Quote(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
