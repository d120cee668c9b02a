using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ScribeBot.Core.Followups;

namespace ScribeBot.Followups.Linear;

/// <summary>
/// Linear for one team, over GraphQL (<c>POST https://api.linear.app/graphql</c>, header <c>Authorization: &lt;API key&gt;</c>):
/// create with the <c>issueCreate</c> mutation, and find the issues already made for an incident with an <c>issues</c>
/// query filtered by team and by the marker in the description. Linear's Markdown may drop an HTML comment, so the
/// marker is a last line of its own, <c>[scribebot-followup:...]</c>, as in Jira.
/// </summary>
internal sealed class LinearTracker(
    HttpClient http, LinearOptions options, string team, IReadOnlyList<string> labelIds,
    IReadOnlyDictionary<string, string> accounts, TimeProvider time) : IFollowupTracker
{
    // The published mutation's selection (success, issue { id title }) plus what a link needs.
    private const string CreateMutation =
        "mutation IssueCreate($input: IssueCreateInput!) { issueCreate(input: $input) { success issue { id title identifier url createdAt state { type } } } }";

    private const string FindQuery =
        "query FollowupIssues($team: ID!, $marker: String!) { issues(first: 50, includeArchived: true, filter: { team: { id: { eq: $team } }, description: { contains: $marker } }) { nodes { id identifier url description createdAt state { type } } } }";

    private const string StateQuery = "query FollowupState($id: String!) { issue(id: $id) { id identifier url createdAt state { type } } }";

    public string Tracker => "linear";

    public string Name => "Linear";

    public string Target => team;

    // Linear labels are ids of labels that must already exist, so the core's names (postmortem, INC-12) are not sent;
    // the incident shows in the title and the marker instead. The configured ids go on every issue.
    public IReadOnlyList<string> Labels => [];

    public string? AssigneeFor(string owner) => accounts.GetValueOrDefault(owner);

    /// <summary>The marker as it stands in the description (the brackets end it, so task 1's is not found in task 12's).</summary>
    public static string MarkerText(string marker) => $"[{marker}]";

    public async Task<TrackerResult<IReadOnlyDictionary<string, FollowupLink>>> FindAsync(
        string incidentLabel, IReadOnlyCollection<string> markers, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, FollowupLink>(StringComparer.Ordinal);
        foreach (var marker in markers)
        {
            // One filtered query per marker: exact substring on the server, no paging through the team's issues.
            var answer = await SendAsync(FindQuery, new JsonObject { ["team"] = team, ["marker"] = MarkerText(marker) }, cancellationToken).ConfigureAwait(false);
            if (answer.Failure is { } failure)
            {
                return failure;
            }

            var issue = (answer.Value!["issues"]?["nodes"]?.AsArray() ?? [])
                .FirstOrDefault(i => ((string?)i?["description"])?.Contains(MarkerText(marker), StringComparison.Ordinal) == true);
            if (issue is not null)
            {
                found[marker] = ToLink(issue, created: null);
            }
        }

        return new TrackerResult<IReadOnlyDictionary<string, FollowupLink>>(found);
    }

    public async Task<TrackerResult<FollowupLink>> CreateAsync(FollowupIssue issue, CancellationToken cancellationToken)
    {
        var description = issue.Body.Replace(FollowupMarker.Comment(issue.Marker), string.Empty, StringComparison.Ordinal).TrimEnd()
            + "\n\n" + MarkerText(issue.Marker) + "\n";
        var input = new JsonObject { ["teamId"] = team, ["title"] = issue.Title, ["description"] = description };
        if (labelIds.Count > 0)
        {
            input["labelIds"] = new JsonArray([.. labelIds.Select(l => (JsonNode)l)]);
        }

        if (issue.Assignee is { } user)
        {
            input["assigneeId"] = user;
        }

        var answer = await SendAsync(CreateMutation, new JsonObject { ["input"] = input }, cancellationToken).ConfigureAwait(false);
        if (answer.Failure is { } failure)
        {
            return failure;
        }

        var created = answer.Value!["issueCreate"];
        return (bool?)created?["success"] == true && created["issue"] is { } made
            ? new TrackerResult<FollowupLink>(ToLink(made, time.GetUtcNow()))
            : TrackerFailure.Refusal("Linear answered issueCreate without success", "Followups:Linear:TeamId");
    }

    public async Task<TrackerResult<FollowupState>> ReadStateAsync(string issueKey, CancellationToken cancellationToken)
    {
        // Linear's issue(id:) takes the identifier (ENG-12) as well as the UUID.
        var answer = await SendAsync(StateQuery, new JsonObject { ["id"] = issueKey }, cancellationToken).ConfigureAwait(false);
        return answer.Failure is { } failure ? failure
            : answer.Value!["issue"] is { } issue ? new TrackerResult<FollowupState>(ToLink(issue, created: null).State)
            : TrackerFailure.Transient($"Linear has no issue {issueKey}");
    }

    private FollowupLink ToLink(JsonNode issue, DateTimeOffset? created)
    {
        var key = (string?)issue["identifier"] ?? (string?)issue["id"] ?? "?";
        var type = (string?)issue["state"]?["type"];
        var at = created
            ?? (DateTimeOffset.TryParse((string?)issue["createdAt"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var when) ? when : time.GetUtcNow());
        return new FollowupLink(Tracker, key, (string?)issue["url"] ?? string.Empty,
            type is "completed" or "canceled" ? FollowupState.Closed : FollowupState.Open, at);
    }

    private async Task<TrackerResult<JsonNode>> SendAsync(string query, JsonObject variables, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, options.BaseUrl);
        // A personal API key is the whole header, without "Bearer" (Linear's docs).
        request.Headers.TryAddWithoutValidation("Authorization", options.ApiKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Content = JsonContent.Create(new JsonObject { ["query"] = query, ["variables"] = variables });
        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = await ReadAsync(response, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return LinearFailures.FromStatus(response, body, team);
            }

            // GraphQL: HTTP 200 with errors is still a failure.
            if (body?["errors"] is JsonArray { Count: > 0 } errors)
            {
                return LinearFailures.FromErrors(errors, team);
            }

            return body?["data"] is { } data ? new TrackerResult<JsonNode>(data) : TrackerFailure.Transient("Linear answered without data");
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // A lost connection or a cut answer: the issue may or may not exist. The retry looks for its marker first.
            return TrackerFailure.Transient($"{exception.GetType().Name}: {exception.Message}");
        }
    }

    private static async Task<JsonNode?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<JsonNode>(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or InvalidOperationException)
        {
            // Not JSON (a proxy's page): the status still says what happened.
            return null;
        }
    }
}
