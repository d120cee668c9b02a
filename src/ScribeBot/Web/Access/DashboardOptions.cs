namespace ScribeBot.Web.Access;

/// <summary>The <c>Dashboard</c> configuration section: who may open the web pages.</summary>
internal sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>Sign-in with OpenID Connect; without an authority, only loopback requests are served.</summary>
    public DashboardOidcOptions Oidc { get; set; } = new();
}
