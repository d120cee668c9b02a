using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ScribeBot.Core.Followups;

namespace ScribeBot.Followups.Jira;

/// <summary>
/// Jira's refusals in words a person can act on. Jira's error body is <c>{"errorMessages":[...],"errors":{field: message}}</c>;
/// a field it names is mapped to the setting that fills it. Rate limits (429) and server errors are transient.
/// </summary>
internal static partial class JiraFailures
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
            HttpStatusCode.Forbidden => TrackerFailure.Refusal(
                $"the account of Followups:Jira:Email may not create issues in project {project} (403): give it the Create issues permission there, or use an account that has it{said}",
                "Followups:Jira:Email and Followups:Jira:ApiToken, or the project's permissions"),
            HttpStatusCode.NotFound => TrackerFailure.Refusal($"there is no Jira at that address, or no project {project} the account can see (404){said}", "Followups:Jira:BaseUrl and Followups:Jira:Project"),
            HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity when (fields.Keys.FirstOrDefault() ?? FieldIn(messages)) == "project" =>
                TrackerFailure.Refusal($"there is no Jira project {project}, or the account cannot see it ({status}){said}", Setting("project")),
            HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity => TrackerFailure.Refusal(
                $"Jira refused the issue ({status}){said}", (fields.Keys.FirstOrDefault() ?? FieldIn(messages)) is { } field ? Setting(field) : null),
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

    /// <summary>
    /// The field a message names: <c>Field 'priority' is required</c> (the project asks for a field ScribeBot does not
    /// fill), or <c>The value 'OPS2' does not exist for the field 'project'.</c> (JQL naming a project the account cannot
    /// see), where the first quoted word is the value, not the field.
    /// </summary>
    private static string? FieldIn(IReadOnlyList<string> messages) =>
        messages.Select(m => NamedField().Match(m)).FirstOrDefault(m => m.Success)?.Groups["field"].Value;

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

    [GeneratedRegex(@"\bfield '(?<field>[^']+)'", RegexOptions.IgnoreCase)]
    private static partial Regex NamedField();
}
