using System.Net;
using Microsoft.AspNetCore.Authorization;

namespace ScribeBot.Web.Access;

/// <summary>Meets the dashboard requirement for a request from loopback (no sign-in configured).</summary>
internal sealed class LoopbackAccessHandler : AuthorizationHandler<DashboardAccessRequirement>
{
    // A proxy or tunnel on this machine (nginx, ngrok, cloudflared) connects from loopback on behalf of anyone; these
    // are the headers such relays add. The forwarded-headers middleware, when on, consumes them and sets the real
    // client's address instead, so a request that still carries one came through a relay the host does not trust.
    private static readonly string[] RelayHeaders = ["Forwarded", "X-Forwarded-For", "X-Real-IP"];

    public static bool IsLoopback(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address)
        && !RelayHeaders.Any(context.Request.Headers.ContainsKey);

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, DashboardAccessRequirement requirement)
    {
        if (context.Resource is HttpContext http && IsLoopback(http))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
