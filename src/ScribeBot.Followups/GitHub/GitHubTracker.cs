using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ScribeBot.Core.Followups;

namespace ScribeBot.Followups.GitHub;

/// <summary>
/// GitHub Issues for one repository, over REST (API version 2022-11-28): create an issue, and find the issues already
/// made for an incident by listing the issues with its label (<c>INC-12</c>) and reading each body for the marker.
/// <para>
/// Listing by label, not the search API: search is eventually consistent, and the issue a lost answer left behind was
/// created moments ago, exactly what a search may not show yet; the list reads the repository itself.
/// </para>
/// </summary>
internal sealed class GitHubTracker(
    HttpClient http, GitHubOptions options, RepositoryName repository, IReadOnlyList<string> labels,
    IReadOnlyDictionary<string, string> logins, TimeProvider time) : IFollowupTracker
{
    public const string ApiVersion = "2022-11-28";

    /// <summary>Pages of 100 issues read per lookup: an incident has at most 50 tasks, so more is another project's use of the label.</summary>
    private const int MaxPages = 10;

    public string Tracker => "github";

    public string Name => "GitHub";

    public string Target => repository.ToString();

    public IReadOnlyList<string> Labels => labels;

    public string? AssigneeFor(string owner) => logins.GetValueOrDefault(owner);

    public async Task<TrackerResult<IReadOnlyDictionary<string, FollowupLink>>> FindAsync(
        string incidentLabel, IReadOnlyCollection<string> markers, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, FollowupLink>(StringComparer.Ordinal);
        for (var page = 1; page <= MaxPages; page++)
        {
            var path = $"repos/{Escape(repository.Owner)}/{Escape(repository.Name)}/issues?labels={Uri.EscapeDataString(incidentLabel)}&state=all&per_page=100&page={page}";
            using var request = Request(HttpMethod.Get, path);
            var answer = await SendAsync<List<GitHubIssue>>(request, cancellationToken).ConfigureAwait(false);
            if (answer.Failure is { } failure)
            {
                return failure;
            }

            foreach (var issue in answer.Value!)
            {
                foreach (var marker in markers.Where(m => !found.ContainsKey(m) && FollowupMarker.IsIn(issue.Body, m)))
                {
                    found[marker] = ToLink(issue);
                }
            }

            if (answer.Value!.Count < 100 || found.Count == markers.Count)
            {
                break;
            }
        }

        return new TrackerResult<IReadOnlyDictionary<string, FollowupLink>>(found);
    }

    public async Task<TrackerResult<FollowupLink>> CreateAsync(FollowupIssue issue, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Post, $"repos/{Escape(repository.Owner)}/{Escape(repository.Name)}/issues");
        request.Content = JsonContent.Create(new GitHubCreateIssue(
            issue.Title, issue.Body, issue.Labels, issue.Assignee is { } login ? [login] : null));
        var answer = await SendAsync<GitHubIssue>(request, cancellationToken).ConfigureAwait(false);
        return answer.Failure is { } failure ? failure : new TrackerResult<FollowupLink>(ToLink(answer.Value!));
    }

    public async Task<TrackerResult<FollowupState>> ReadStateAsync(string issueKey, CancellationToken cancellationToken)
    {
        // The key is owner/name#number, as ToLink writes it; the repository may be another channel's.
        var hash = issueKey.LastIndexOf('#');
        if (hash < 0 || !RepositoryName.TryParse(issueKey[..hash], out var where))
        {
            return TrackerFailure.Refusal($"'{issueKey}' is not a GitHub issue key", null);
        }

        using var request = Request(HttpMethod.Get, $"repos/{Escape(where.Owner)}/{Escape(where.Name)}/issues/{Uri.EscapeDataString(issueKey[(hash + 1)..])}");
        var answer = await SendAsync<GitHubIssue>(request, cancellationToken).ConfigureAwait(false);
        return answer.Failure is { } failure ? failure : new TrackerResult<FollowupState>(ToLink(answer.Value!).State);
    }

    private FollowupLink ToLink(GitHubIssue issue) => new(
        Tracker,
        $"{repository}#{issue.Number.ToString(CultureInfo.InvariantCulture)}",
        issue.HtmlUrl,
        string.Equals(issue.State, "closed", StringComparison.OrdinalIgnoreCase) ? FollowupState.Closed : FollowupState.Open,
        issue.CreatedAt ?? time.GetUtcNow());

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(new Uri(options.BaseUrl.TrimEnd('/') + "/"), path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.github+json"));
        request.Headers.Add("X-GitHub-Api-Version", ApiVersion);
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("ScribeBot", "1.0"));
        return request;
    }

    private async Task<TrackerResult<T>> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return await GitHubFailures.ReadAsync(response, repository, time, cancellationToken).ConfigureAwait(false);
            }

            var value = await response.Content.ReadFromJsonAsync<T>(cancellationToken).ConfigureAwait(false);
            return value is null ? TrackerFailure.Transient("GitHub answered with an empty body") : new TrackerResult<T>(value);
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // A lost connection or a cut answer: the issue may or may not exist. The retry looks for its marker first.
            return TrackerFailure.Transient($"{exception.GetType().Name}: {exception.Message}");
        }
    }

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
