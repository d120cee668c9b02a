using System.Net;
using System.Text.Json.Nodes;
using ScribeBot.Core.Followups;

namespace ScribeBot.Followups.Linear;

/// <summary>
/// Linear's refusals in words a person can act on. GraphQL answers most errors with HTTP 200 and an <c>errors</c>
/// array (each with <c>message</c> and <c>extensions.code</c>/<c>type</c>/<c>userPresentableMessage</c>); the
/// argument or code it names is mapped to the setting that fills it. Rate limits and server errors are transient.
/// </summary>
internal static class LinearFailures
{
    /// <summary>A non-2xx answer; its body may still be GraphQL's <c>errors</c> (Linear answers 400 to a bad key).</summary>
    public static TrackerFailure FromStatus(HttpResponseMessage response, JsonNode? body, string team)
    {
        var status = (int)response.StatusCode;
        if (body?["errors"] is JsonArray { Count: > 0 } errors)
        {
            return FromErrors(errors, team, status);
        }

        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => TrackerFailure.Refusal($"the API key was not accepted ({status})", "Followups:Linear:ApiKey"),
            HttpStatusCode.NotFound => TrackerFailure.Refusal("there is no Linear GraphQL endpoint at that address (404)", "Followups:Linear:BaseUrl"),
            _ when status == 429 || status >= 500 => TrackerFailure.Transient($"Linear answered {status}", response.Headers.RetryAfter?.Delta),
            _ => TrackerFailure.Refusal($"Linear answered {status}", null),
        };
    }

    /// <summary>GraphQL <c>errors</c>, whatever the HTTP status.</summary>
    public static TrackerFailure FromErrors(JsonArray errors, string team, int status = 200)
    {
        var first = errors[0];
        var code = ((string?)first?["extensions"]?["code"] ?? (string?)first?["extensions"]?["type"] ?? string.Empty).ToUpperInvariant();
        var messages = errors.Select(e => (string?)e?["extensions"]?["userPresentableMessage"] ?? (string?)e?["message"]).OfType<string>().ToArray();
        var said = $" (Linear: {string.Join("; ", messages)})";
        if (code.Contains("RATELIMIT", StringComparison.Ordinal) || code.Contains("INTERNAL", StringComparison.Ordinal) || status == 429 || status >= 500)
        {
            return TrackerFailure.Transient($"Linear answered {status} {code}{said}".Replace("  ", " ", StringComparison.Ordinal));
        }

        if (code.Contains("AUTHENTICATION", StringComparison.Ordinal))
        {
            return TrackerFailure.Refusal($"the API key was not accepted{said}", "Followups:Linear:ApiKey");
        }

        if (code.Contains("FORBIDDEN", StringComparison.Ordinal))
        {
            return TrackerFailure.Refusal($"the API key may not create issues in team {team}{said}", "Followups:Linear:ApiKey");
        }

        var text = string.Join(" ", errors.Select(e => e?.ToJsonString() ?? string.Empty));
        return TrackerFailure.Refusal($"Linear refused the issue{said}", Setting(text));
    }

    // Linear names the argument in the message or in extensions (e.g. "teamId must be a UUID", "Entity not found: Team").
    private static string? Setting(string text) =>
        Contains(text, "assignee") ? "Followups:People (Linear user id)"
        : Contains(text, "label") ? "Followups:Linear:Labels"
        : Contains(text, "team") ? "Followups:Linear:TeamId"
        : Contains(text, "title") || Contains(text, "description") ? "the task's text"
        : null;

    private static bool Contains(string text, string word) => text.Contains(word, StringComparison.OrdinalIgnoreCase);
}
