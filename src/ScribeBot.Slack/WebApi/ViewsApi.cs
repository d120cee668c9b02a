using System.Text.Json.Nodes;
using ScribeBot.Slack.Events;

namespace ScribeBot.Slack.WebApi;

/// <summary>The <c>views.*</c> methods.</summary>
internal sealed class ViewsApi(SlackApiTransport transport)
{
    /// <summary><c>views.open</c>: a modal for a trigger (valid 3 s, so never retried); the view's id.</summary>
    public Task<SlackApiResult<string>> OpenAsync(string triggerId, JsonObject view, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["trigger_id"] = triggerId, ["view"] = view.DeepClone() };
        return transport.CallAsync("views.open", () => SlackApiRequest.PostJson("views.open", body), SlackApiRetry.Never,
            root => root.Object("view") is { } v ? v.String("id") ?? "" : "",
            cancellationToken);
    }
}
