using Microsoft.AspNetCore.Authorization;

namespace ScribeBot.Web.Access;

/// <summary>
/// Who may see the web pages (dashboard, editor, sandbox, downloads): one authorization policy on all of them. Without
/// sign-in configured, only requests from the machine itself (loopback); anything else gets 403 and nothing more.
/// The chat endpoints and <c>/healthz</c> are not behind it: they authenticate their own way.
/// </summary>
internal static class DashboardAccess
{
    public const string PolicyName = "Dashboard";

    public static IServiceCollection AddDashboardAccess(this IServiceCollection services)
    {
        services.AddAuthentication();
        services.AddAuthorizationBuilder().AddPolicy(PolicyName, policy => policy.AddRequirements(new DashboardAccessRequirement()));
        services.AddSingleton<IAuthorizationHandler, LoopbackAccessHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ForbidWithoutChallengeHandler>();
        return services;
    }
}

/// <summary>The requirement every web page carries; its handlers decide who meets it.</summary>
internal sealed class DashboardAccessRequirement : IAuthorizationRequirement;
