using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Polly;
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
    /// <summary>
    /// How long the attempt after a create whose answer was lost waits before it looks for the issue. Jira's
    /// <c>search/jql</c> is eventually consistent: a new issue shows "within seconds", sometimes minutes later (Atlassian,
    /// "Search after write with search and reconcile"). Its one consistent read, <c>reconcileIssues</c>, needs the issue's
    /// id, which is exactly what the lost answer carried, so waiting is the only protection left; the outbox's 2 s
    /// back-off would look too early and create the issue twice.
    /// </summary>
    public static readonly TimeSpan SearchSettle = TimeSpan.FromSeconds(60);

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
        var answer = await SendAsync(request, cancellationToken, creates: true).ConfigureAwait(false);
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

    /// <param name="creates">
    /// The request creates an issue: when its answer is lost (no answer, a cut one, a 5xx from Jira or a proxy), the issue
    /// may exist, and the retry waits <see cref="SearchSettle"/> so that its lookup can see it.
    /// </param>
    private async Task<TrackerResult<JsonNode>> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken, bool creates = false)
    {
        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var failure = await JiraFailures.ReadAsync(response, project, cancellationToken).ConfigureAwait(false);
                return creates && (int)response.StatusCode >= 500 ? Unsettled(failure) : failure;
            }

            var value = await response.Content.ReadFromJsonAsync<JsonNode>(cancellationToken).ConfigureAwait(false);
            return value is not null ? new TrackerResult<JsonNode>(value)
                : creates ? Unsettled(TrackerFailure.Transient("Jira answered with an empty body"))
                : TrackerFailure.Transient("Jira answered with an empty body");
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or ExecutionRejectedException
            or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // A lost connection, a cut answer or the resilience handler's timeout: the issue may or may not exist. The
            // retry looks for its marker first.
            var lost = TrackerFailure.Transient($"{exception.GetType().Name}: {exception.Message}");
            return creates ? Unsettled(lost) : lost;
        }
    }

    // Not sooner than Jira asked (a Retry-After), nor before its search can show the issue the lost answer was about.
    private static TrackerFailure Unsettled(TrackerFailure failure) => failure with
    {
        Message = $"{failure.Message}; the issue may exist, so the next attempt waits {SearchSettle.TotalSeconds:0} s for Jira's search to show it",
        RetryAfter = failure.RetryAfter is { } asked && asked > SearchSettle ? asked : SearchSettle,
    };

    private static string Quote(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
