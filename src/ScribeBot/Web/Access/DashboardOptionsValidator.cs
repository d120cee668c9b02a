using Microsoft.Extensions.Options;

namespace ScribeBot.Web.Access;

/// <summary>
/// Refuses to start with a sign-in that would let in more than intended: an issuer reached over plain http, a
/// half-done setup, or no allowed tenant or workspace (a multi-tenant issuer would otherwise admit every tenant).
/// </summary>
internal sealed class DashboardOptionsValidator(IConfiguration configuration) : IValidateOptions<DashboardOptions>
{
    private const string Prefix = DashboardOidcOptions.SectionName + ":";

    /// <summary>ASP.NET Core's switch (<c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c>) that trusts any relay's client-address headers.</summary>
    public const string ForwardedHeadersKey = "FORWARDEDHEADERS_ENABLED";

    public const string PublicBaseUrlKey = "Scribe:PublicBaseUrl";

    public ValidateOptionsResult Validate(string? name, DashboardOptions options)
    {
        var oidc = options.Oidc;
        var failures = new List<string>();
        if (!oidc.Enabled && configuration.GetValue<bool>(ForwardedHeadersKey))
        {
            failures.Add($"ASPNETCORE_FORWARDEDHEADERS_ENABLED is on but the dashboard has no sign-in: it would take any relayed " +
                $"request for one from this machine. Configure sign-in ({Prefix}Authority and the keys beside it) to serve the " +
                "dashboard through a proxy, or switch forwarded headers off.");
        }

        if (!oidc.Enabled)
        {
            if (!string.IsNullOrWhiteSpace(oidc.ClientId) || !string.IsNullOrWhiteSpace(oidc.ClientSecret)
                || oidc.TenantList.Count > 0 || oidc.WorkspaceList.Count > 0)
            {
                failures.Add($"{Prefix}Authority is empty but other {Prefix}* keys are set: set the issuer's URL to turn " +
                    "sign-in on, or remove the other keys to keep the dashboard loopback-only.");
            }

            return Result(failures);
        }

        if (!Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority)
            || !(authority.Scheme == Uri.UriSchemeHttps || (authority.Scheme == Uri.UriSchemeHttp && authority.IsLoopback))
            || !string.IsNullOrEmpty(authority.Query) || !string.IsNullOrEmpty(authority.Fragment))
        {
            failures.Add($"{Prefix}Authority is '{oidc.Authority}', which is not an absolute https URL without query " +
                "(e.g. https://login.microsoftonline.com/<tenant id>/v2.0 or https://slack.com; http only for a loopback host).");
        }

        if (!Uri.TryCreate(configuration[PublicBaseUrlKey], UriKind.Absolute, out _))
        {
            failures.Add($"{PublicBaseUrlKey} is required when sign-in is on: the web pages are served under its host name only " +
                "(e.g. https://scribebot.example.com).");
        }

        if (string.IsNullOrWhiteSpace(oidc.ClientId))
        {
            failures.Add($"{Prefix}ClientId is required when {Prefix}Authority is set.");
        }

        if (string.IsNullOrWhiteSpace(oidc.ClientSecret))
        {
            failures.Add($"{Prefix}ClientSecret is required when {Prefix}Authority is set (the code is redeemed with it; " +
                $"set it in the environment: Dashboard__Oidc__ClientSecret).");
        }

        if (oidc.TenantList.Count == 0 && oidc.WorkspaceList.Count == 0)
        {
            failures.Add($"{Prefix}AllowedTenants or {Prefix}AllowedWorkspaces must list at least one id when sign-in is on " +
                "(Entra tenant ids, Slack team ids): without them any tenant of a multi-tenant issuer could sign in.");
        }

        if (string.IsNullOrWhiteSpace(oidc.TenantClaim))
        {
            failures.Add($"{Prefix}TenantClaim is empty; leave it out for the default '{DashboardOidcOptions.DefaultTenantClaim}'.");
        }

        if (string.IsNullOrWhiteSpace(oidc.WorkspaceClaim))
        {
            failures.Add($"{Prefix}WorkspaceClaim is empty; leave it out for the default '{DashboardOidcOptions.DefaultWorkspaceClaim}'.");
        }

        return Result(failures);
    }

    private static ValidateOptionsResult Result(List<string> failures) =>
        failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
}
