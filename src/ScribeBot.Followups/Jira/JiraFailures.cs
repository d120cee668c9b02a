using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ScribeBot.Core.Followups;

namespace ScribeBot.Followups.Jira;

/// <summary>
/// Jira's refusals in words a person can act on. Jira's error body is <c>{"errorMessages":[...],"errors":{field: message}}</c>;
/// a field it names is mapped to the setting that fills it. Rate limits (429) and server errors are transient.
/// </summary>
internal static class JiraFailures
{
    public static async Task<TrackerFailure> ReadAsync(HttpResponseMessage response, string project, CancellationToken cancellationToken)
    {
        var (messages, fields) = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        var said = messages.Count + fields.Count > 0
            ? $" (Jira: {string.Join("; ", messages.Concat(fields.Select(f => $"{f.Key}: {f.Value}")))})"
            : string.Empty;
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => TrackerFailure.Refusal($"the email and API token were not accepted (401){said}", "Followups:Jira:Email and Followups:Jira:ApiToken"),
            HttpStatusCode.Forbidden => TrackerFailure.Refusal($"the account may not create issues in {project} (403){said}", "Followups:Jira:ApiToken"),
            HttpStatusCode.NotFound => TrackerFailure.Refusal($"there is no Jira at that address, or no project {project} the account can see (404){said}", "Followups:Jira:BaseUrl and Followups:Jira:Project"),
            HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity => TrackerFailure.Refusal(
                $"Jira refused the issue ({status}){said}", fields.Keys.Select(Setting).FirstOrDefault() ?? FieldIn(messages)),
            _ when status == 429 || status >= 500 => TrackerFailure.Transient($"Jira answered {status}{said}", response.Headers.RetryAfter?.Delta),
            _ => TrackerFailure.Refusal($"Jira answered {status}{said}", null),
        };
    }

    private static string Setting(string field) => field switch
    {
        "project" => "Followups:Jira:Project",
        "issuetype" => "Followups:Jira:IssueType",
        "assignee" => "Followups:People (Jira account id)",
        "labels" => "Followups:Jira:Labels",
        "summary" or "description" => "the task's text",
        _ => $"the Jira field '{field}' (required by the project's create screen)",
    };

    // "Field 'priority' is required": the project asks for a field ScribeBot does not fill.
    private static string? FieldIn(IReadOnlyList<string> messages) =>
        messages.Select(m => m.Split('\'')).FirstOrDefault(parts => parts.Length >= 3) is { } parts
            ? Setting(parts[1])
            : null;

    private static async Task<(IReadOnlyList<string> Messages, IReadOnlyDictionary<string, string> Fields)> ReadErrorAsync(
        HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadFromJsonAsync<JsonNode>(cancellationToken).ConfigureAwait(false);
            var messages = body?["errorMessages"]?.AsArray().Select(m => (string?)m).OfType<string>().ToArray() ?? [];
            var fields = body?["errors"]?.AsObject().ToDictionary(p => p.Key, p => p.Value?.ToString() ?? string.Empty) ?? [];
            return (messages, fields);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or InvalidOperationException)
        {
            return ([], new Dictionary<string, string>());
        }
    }
}
