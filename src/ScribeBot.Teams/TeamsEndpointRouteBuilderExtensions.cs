using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ScribeBot.Teams;

/// <summary>The Teams adapter's route; with <see cref="TeamsServiceCollectionExtensions.AddTeams"/> all the host sees of it.</summary>
public static class TeamsEndpointRouteBuilderExtensions
{
    public const string MessagesPath = "/api/messages";

    public static IEndpointConventionBuilder MapTeams(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(MessagesPath, (HttpContext context) => context.RequestServices.GetRequiredService<TeamsEndpoint>().HandleAsync(context));
}
