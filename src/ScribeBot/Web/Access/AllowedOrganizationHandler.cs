using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace ScribeBot.Web.Access;

/// <summary>
/// With sign-in on, meets the dashboard requirement for a signed-in user whose tenant (Entra) or workspace (Slack) is
/// allowed. Checked on every request, not only at sign-in, so removing an id from the settings shuts its sessions out
/// at the next restart.
/// </summary>
internal sealed class AllowedOrganizationHandler(IOptions<DashboardOptions> options) : AuthorizationHandler<DashboardAccessRequirement>
{
    public static bool IsAllowed(ClaimsPrincipal user, DashboardOidcOptions oidc) =>
        user.Identity is { IsAuthenticated: true }
        && (HasAny(user, oidc.TenantClaim, oidc.TenantList) || HasAny(user, oidc.WorkspaceClaim, oidc.WorkspaceList));

    /// <summary>The user's tenant or workspace id, for messages and logs.</summary>
    public static string? Organization(ClaimsPrincipal user, DashboardOidcOptions oidc) =>
        user.FindFirst(oidc.TenantClaim)?.Value ?? user.FindFirst(oidc.WorkspaceClaim)?.Value;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, DashboardAccessRequirement requirement)
    {
        if (IsAllowed(context.User, options.Value.Oidc))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    // Entra writes tenant ids in lower case and people paste them as they find them; Slack ids are upper case.
    private static bool HasAny(ClaimsPrincipal user, string claimType, IReadOnlyList<string> allowed) =>
        allowed.Count > 0 && user.FindAll(claimType).Any(claim => allowed.Contains(claim.Value, StringComparer.OrdinalIgnoreCase));
}
