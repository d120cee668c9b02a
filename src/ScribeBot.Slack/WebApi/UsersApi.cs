using System.Text.Json;
using ScribeBot.Slack.Events;

namespace ScribeBot.Slack.WebApi;

/// <summary>The <c>users.*</c> methods.</summary>
internal sealed class UsersApi(SlackApiTransport transport)
{
    /// <summary><c>users.info</c>: the name Slack shows for the user (display name, else real name, else handle).</summary>
    public Task<SlackApiResult<string>> GetDisplayNameAsync(string userId, CancellationToken cancellationToken) =>
        transport.CallAsync("users.info", () => SlackApiRequest.Get("users.info", ("user", userId)), SlackApiRetry.Reads,
            DisplayName, cancellationToken);

    private static string? DisplayName(JsonElement root)
    {
        if (root.Object("user") is not { } user)
        {
            return null;
        }

        var profile = user.Object("profile");
        string?[] candidates =
        [
            profile?.String("display_name"),
            user.String("real_name"),
            profile?.String("real_name"),
            user.String("name"),
        ];

        // A user who never set a display name has "" there, not a missing field.
        return candidates.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c)) ?? user.String("id");
    }
}
