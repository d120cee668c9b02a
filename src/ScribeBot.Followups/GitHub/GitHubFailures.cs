using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ScribeBot.Core.Followups;

namespace ScribeBot.Followups.GitHub;

/// <summary>
/// GitHub's refusals in words a person can act on, each naming the setting or field to change; rate limits and server
/// errors are transient (the outbox retries them, at GitHub's Retry-After or rate-limit reset when it gives one).
/// </summary>
internal static class GitHubFailures
{
    public static async Task<TrackerFailure> ReadAsync(HttpResponseMessage response, RepositoryName repository, TimeProvider time, CancellationToken cancellationToken)
    {
        var error = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
        var said = error?.Message is { Length: > 0 } message ? $" (GitHub: {message})" : string.Empty;
        var status = (int)response.StatusCode;
        if (RateLimitWait(response, time) is { } wait)
        {
            return TrackerFailure.Transient($"rate limited ({status}){said}", wait);
        }

        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => TrackerFailure.Refusal($"the token was not accepted (401){said}", "Followups:GitHub:Token"),
            HttpStatusCode.Forbidden => TrackerFailure.Refusal($"the token may not create issues in {repository} (403){said}", "Followups:GitHub:Token"),
            HttpStatusCode.NotFound => TrackerFailure.Refusal($"there is no repository {repository}, or the token cannot see it (404){said}", "Followups:GitHub:Repository"),
            HttpStatusCode.Gone => TrackerFailure.Refusal($"issues are turned off in {repository} (410){said}", "Followups:GitHub:Repository"),
            HttpStatusCode.UnprocessableEntity => Validation(error, said),
            _ when status == 429 || status >= 500 => TrackerFailure.Transient($"GitHub answered {status}{said}"),
            _ => TrackerFailure.Refusal($"GitHub answered {status}{said}", null),
        };
    }

    // 422: GitHub names the refused field in errors[]; map it to what the operator or the task's author changes.
    private static TrackerFailure Validation(GitHubError? error, string said)
    {
        var first = error?.Errors is [var head, ..] ? head : null;
        var (field, what) = first?.Field switch
        {
            "assignees" or "assignee" => ("Followups:People", "an assignee GitHub does not accept (the owner's login in the person map)"),
            "labels" => ("Followups:GitHub:Labels", "a label GitHub does not accept"),
            "title" => ("the task's text", "the title"),
            "body" => ("the task's text", "the body"),
            { } other => (other, $"the field '{other}'"),
            null => ((string?)null, "the issue"),
        };
        var code = first?.Code is { } c ? $" ({c})" : string.Empty;
        return TrackerFailure.Refusal($"GitHub refused {what}{code} (422){said}", field);
    }

    private static TimeSpan? RateLimitWait(HttpResponseMessage response, TimeProvider time)
    {
        if ((int)response.StatusCode is not (403 or 429))
        {
            return null;
        }

        if (response.Headers.RetryAfter?.Delta is { } delta)
        {
            return delta;
        }

        if (response.Headers.TryGetValues("x-ratelimit-remaining", out var remaining) && remaining.FirstOrDefault() == "0"
            && response.Headers.TryGetValues("x-ratelimit-reset", out var reset)
            && long.TryParse(reset.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            var wait = DateTimeOffset.FromUnixTimeSeconds(seconds) - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return (int)response.StatusCode == 429 ? TimeSpan.FromMinutes(1) : null;
    }

    private static async Task<GitHubError?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<GitHubError>(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or InvalidOperationException)
        {
            // Not GitHub's JSON (a proxy's page): the status still says what happened.
            return null;
        }
    }
}
