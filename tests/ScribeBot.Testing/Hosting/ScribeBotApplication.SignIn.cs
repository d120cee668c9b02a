using ScribeBot.Testing.Web;

namespace ScribeBot.Testing;

public sealed partial class ScribeBotApplication
{
    /// <summary>
    /// Dashboard sign-in on, against <paramref name="issuer"/>, for the users of <paramref name="tenant"/> and
    /// <paramref name="workspace"/>. The pages are then served under the public address only, which the tests reach as
    /// 127.0.0.1.
    /// </summary>
    public ScribeBotApplication WithSignIn(FakeOidcIssuer issuer, string? tenant = null, string? workspace = null) =>
        WithPlatformSetting("Dashboard:Oidc:Authority", issuer.Authority)
            .WithPlatformSetting("Dashboard:Oidc:ClientId", FakeOidcIssuer.ClientId)
            .WithPlatformSetting("Dashboard:Oidc:ClientSecret", FakeOidcIssuer.ClientSecret)
            .WithPlatformSetting("Dashboard:Oidc:AllowedTenants:0", tenant)
            .WithPlatformSetting("Dashboard:Oidc:AllowedWorkspaces:0", workspace)
            .WithPlatformSetting("Scribe:PublicBaseUrl", "http://127.0.0.1/");
}
