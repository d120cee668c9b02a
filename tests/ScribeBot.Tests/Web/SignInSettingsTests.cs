using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;

namespace ScribeBot.Tests.Web;

/// <summary>What a real deployment (an https issuer) gets; the sign-in tests themselves run against a loopback issuer.</summary>
public sealed class SignInSettingsTests
{
    [Fact]
    public void With_an_https_issuer_every_sign_in_cookie_is_Secure_and_the_metadata_must_come_over_https()
    {
        using var factory = new ScribeBotApplication().WithSettings(new Dictionary<string, string?>
        {
            ["Dashboard:Oidc:Authority"] = "https://slack.com",
            ["Dashboard:Oidc:ClientId"] = "client",
            ["Dashboard:Oidc:ClientSecret"] = "5f1c2d9e8a7b4c3d",
            ["Dashboard:Oidc:AllowedWorkspaces:0"] = "T0123456789",
            ["Scribe:PublicBaseUrl"] = "https://scribebot.example.com",
        });

        var cookie = factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);
        var oidc = factory.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectDefaults.AuthenticationScheme);

        Assert.Equal(CookieSecurePolicy.Always, cookie.Cookie.SecurePolicy);
        Assert.True(cookie.Cookie.HttpOnly);
        Assert.Equal(CookieSecurePolicy.Always, oidc.CorrelationCookie.SecurePolicy);
        Assert.Equal(CookieSecurePolicy.Always, oidc.NonceCookie.SecurePolicy);
        Assert.True(oidc.RequireHttpsMetadata);
        Assert.False(oidc.SaveTokens);
        Assert.True(oidc.UsePkce);
        Assert.Equal("code", oidc.ResponseType);
        Assert.Equal(["openid", "profile", "email"], oidc.Scope);
    }
}
