namespace ScribeBot.Web.Access;

/// <summary>
/// <c>Dashboard:Oidc</c>: an OpenID Connect issuer (Microsoft Entra ID, Sign in with Slack, or any other) and the
/// tenants or workspaces whose users may sign in.
/// </summary>
internal sealed class DashboardOidcOptions
{
    public const string SectionName = DashboardOptions.SectionName + ":Oidc";

    /// <summary>Entra ID puts the user's directory in <c>tid</c>.</summary>
    public const string DefaultTenantClaim = "tid";

    /// <summary>Sign in with Slack puts the workspace the user signed in to in this claim.</summary>
    public const string DefaultWorkspaceClaim = "https://slack.com/team_id";

    public static readonly IReadOnlyList<string> DefaultScopes = ["openid", "profile", "email"];

    /// <summary>The issuer, e.g. <c>https://login.microsoftonline.com/{tenant}/v2.0</c> or <c>https://slack.com</c>. Empty: sign-in is off.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Space-separated; <c>openid</c> is always requested. Empty: <see cref="DefaultScopes"/>.</summary>
    public string? Scopes { get; set; }

    /// <summary>Entra tenant ids whose users may sign in (compared with <see cref="TenantClaim"/>).</summary>
    public string[] AllowedTenants { get; set; } = [];

    /// <summary>Slack team ids whose users may sign in (compared with <see cref="WorkspaceClaim"/>).</summary>
    public string[] AllowedWorkspaces { get; set; } = [];

    public string TenantClaim { get; set; } = DefaultTenantClaim;

    public string WorkspaceClaim { get; set; } = DefaultWorkspaceClaim;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    /// <summary>A test or development issuer on this machine: the only place where plain http is accepted.</summary>
    public bool IsLoopbackAuthority => Enabled && Uri.TryCreate(Authority, UriKind.Absolute, out var uri) && uri.IsLoopback;

    public IReadOnlyList<string> ScopeList
    {
        get
        {
            var scopes = string.IsNullOrWhiteSpace(Scopes)
                ? DefaultScopes
                : Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return scopes.Contains("openid", StringComparer.Ordinal) ? [.. scopes] : ["openid", .. scopes];
        }
    }

    public IReadOnlyList<string> TenantList => Clean(AllowedTenants);

    public IReadOnlyList<string> WorkspaceList => Clean(AllowedWorkspaces);

    private static string[] Clean(IEnumerable<string?> ids) =>
        [.. ids.Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id!.Trim())];
}
