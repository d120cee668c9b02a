using ScribeBot.Slack.Events;

namespace ScribeBot.Slack.WebApi;

/// <summary>The <c>apps.connections.*</c> methods: Socket Mode's way in.</summary>
internal sealed class AppsConnectionsApi(SlackApiTransport transport)
{
    /// <summary>
    /// <c>apps.connections.open</c>: a Socket Mode WebSocket URL. The one method called with the app-level token
    /// (<c>xapp-...</c>), not the bot token. Sent once: the Socket Mode loop backs off and asks again.
    /// </summary>
    public Task<SlackApiResult<Uri>> OpenAsync(CancellationToken cancellationToken) =>
        transport.CallAsync("apps.connections.open", () => SlackApiRequest.PostForm("apps.connections.open"), SlackApiRetry.Never,
            root => root.String("url") is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri)
                    && (uri.Scheme == Uri.UriSchemeWss || uri.Scheme == Uri.UriSchemeWs)
                ? uri
                : null,
            SlackApiToken.App,
            cancellationToken);
}
