using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ScribeBot.Slack.Endpoint;

namespace ScribeBot.Slack;

/// <summary>Maps the Slack adapter's one endpoint.</summary>
public static class SlackEndpointRouteBuilderExtensions
{
    /// <summary>
    /// <c>POST /slack/events</c> for Events API JSON, slash commands and interactivity, as Slack's Bolt takes them on
    /// one URL. The handler reads the raw body itself: the signature covers its exact bytes.
    /// </summary>
    public static IEndpointConventionBuilder MapSlack(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/slack/events", (HttpContext context, SlackEventsEndpoint handler) => handler.HandleAsync(context))
            .ExcludeFromDescription();
}
