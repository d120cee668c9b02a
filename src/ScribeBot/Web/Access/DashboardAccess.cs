using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ScribeBot.Web.Access;

/// <summary>
/// Who may see the web pages (dashboard, editor, sandbox, downloads): one authorization policy on all of them.
/// Without sign-in configured, only requests from the machine itself (loopback); anything else gets 403 and nothing
/// more. With <c>Dashboard:Oidc:Authority</c> set, only a signed-in user of an allowed tenant or workspace, loopback or
/// not. The chat endpoints and <c>/healthz</c> are not behind it: they authenticate their own way and never challenge.
/// </summary>
internal static class DashboardAccess
{
    public const string PolicyName = "Dashboard";

    public static IServiceCollection AddDashboardAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DashboardOptions>, DashboardOptionsValidator>());
        services.AddAuthorizationBuilder().AddPolicy(PolicyName, policy => policy.AddRequirements(new DashboardAccessRequirement()));
        // Which schemes exist is decided here, from the same key the options bind; the validator checks the rest at start.
        if (SignInConfigured(configuration))
        {
            services.AddOidcSignIn();
            services.AddSingleton<IAuthorizationHandler, AllowedOrganizationHandler>();
            services.AddSingleton<IAuthorizationMiddlewareResultHandler, NotAllowedResultHandler>();
        }
        else
        {
            services.AddAuthentication();
            services.AddSingleton<IAuthorizationHandler, LoopbackAccessHandler>();
            services.AddSingleton<IAuthorizationMiddlewareResultHandler, ForbidWithoutChallengeHandler>();
        }

        return services;
    }

    /// <summary>The sign-out endpoint, when sign-in is on.</summary>
    public static IEndpointRouteBuilder MapDashboardAccess(this IEndpointRouteBuilder endpoints)
    {
        if (SignInConfigured(endpoints.ServiceProvider.GetRequiredService<IConfiguration>()))
        {
            endpoints.MapSignOut();
        }

        return endpoints;
    }

    private static bool SignInConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[DashboardOidcOptions.SectionName + ":" + nameof(DashboardOidcOptions.Authority)]);
}

/// <summary>The requirement every web page carries; its handlers decide who meets it.</summary>
internal sealed class DashboardAccessRequirement : IAuthorizationRequirement;
