using System.Text.Json.Serialization;

namespace ScribeBot.Followups.GitHub;

/// <summary>The request body of "Create an issue" (POST /repos/{owner}/{repo}/issues); only title is required.</summary>
internal sealed record GitHubCreateIssue(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("body")] string Body,
    [property: JsonPropertyName("labels")] IReadOnlyList<string> Labels,
    [property: JsonPropertyName("assignees")] IReadOnlyList<string>? Assignees);

/// <summary>The fields ScribeBot reads of GitHub's issue object (create answer, list items).</summary>
internal sealed record GitHubIssue(
    [property: JsonPropertyName("number")] int Number,
    [property: JsonPropertyName("html_url")] string HtmlUrl,
    [property: JsonPropertyName("state")] string? State,
    [property: JsonPropertyName("body")] string? Body,
    [property: JsonPropertyName("created_at")] DateTimeOffset? CreatedAt);

/// <summary>GitHub's error body: a message, and for a 422 the fields it refused.</summary>
internal sealed record GitHubError(
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("errors")] IReadOnlyList<GitHubFieldError>? Errors);

internal sealed record GitHubFieldError(
    [property: JsonPropertyName("resource")] string? Resource,
    [property: JsonPropertyName("field")] string? Field,
    [property: JsonPropertyName("code")] string? Code,
    [property: JsonPropertyName("message")] string? Message);
