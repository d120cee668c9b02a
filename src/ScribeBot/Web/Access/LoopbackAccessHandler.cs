using System.Net;
using Microsoft.AspNetCore.Authorization;

namespace ScribeBot.Web.Access;

/// <summary>Meets the dashboard requirement for a request from loopback (no sign-in configured).</summary>
internal sealed class LoopbackAccessHandler : AuthorizationHandler<DashboardAccessRequirement>
{
    public static bool IsLoopback(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address)
        && ScribeBot.Core.Access.RelayHeaders.FirstIn(context.Request.Headers.Keys) is null;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, DashboardAccessRequirement requirement)
    {
        if (context.Resource is HttpContext http && IsLoopback(http))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
