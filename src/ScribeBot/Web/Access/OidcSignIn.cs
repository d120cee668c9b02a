using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ScribeBot.Web.Access;

/// <summary>
/// Sign-in for the web pages when <c>Dashboard:Oidc:Authority</c> is set: a session cookie, filled by OpenID Connect
/// (authorization code flow with PKCE). An unauthenticated request to a page is sent to the issuer; the issuer sends
/// the browser back to <see cref="CallbackPath"/>.
/// </summary>
internal static partial class OidcSignIn
{
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string OidcScheme = OpenIdConnectDefaults.AuthenticationScheme;
    public const string CallbackPath = "/signin-oidc";
    public const string CookieName = ".ScribeBot.Dashboard";

    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);

    public static IServiceCollection AddOidcSignIn(this IServiceCollection services)
    {
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieScheme;
                options.DefaultChallengeScheme = OidcScheme;
            })
            .AddCookie(CookieScheme)
            .AddOpenIdConnect(OidcScheme, _ => { });
        services.AddOptions<CookieAuthenticationOptions>(CookieScheme)
            .Configure<IOptions<DashboardOptions>>((cookie, dashboard) => ConfigureCookie(cookie, dashboard.Value.Oidc));
        services.AddOptions<OpenIdConnectOptions>(OidcScheme)
            .Configure<IOptions<DashboardOptions>, ILoggerFactory>((oidc, dashboard, loggers) =>
                ConfigureOidc(oidc, dashboard.Value.Oidc, loggers.CreateLogger(typeof(OidcSignIn).FullName!)));
        return services;
    }

    private static void ConfigureCookie(CookieAuthenticationOptions cookie, DashboardOidcOptions settings)
    {
        cookie.Cookie.Name = CookieName;
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Lax;
        cookie.Cookie.SecurePolicy = SecurePolicy(settings);
        cookie.ExpireTimeSpan = SessionLifetime;
        cookie.SlidingExpiration = true;
        // Refusals are answered by NotAllowedResultHandler; this only keeps a stray Forbid from redirecting to a
        // login page that does not exist.
        cookie.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
    }

    private static void ConfigureOidc(OpenIdConnectOptions oidc, DashboardOidcOptions settings, ILogger logger)
    {
        oidc.Authority = settings.Authority;
        oidc.ClientId = settings.ClientId;
        oidc.ClientSecret = settings.ClientSecret;
        oidc.RequireHttpsMetadata = !settings.IsLoopbackAuthority;
        oidc.ResponseType = OpenIdConnectResponseType.Code;
        // Slack answers in the query only (response_modes_supported: ["query"]); Entra supports it too. The callback is
        // then a top-level GET, which carries SameSite=Lax cookies: the correlation and nonce cookies need no None.
        oidc.ResponseMode = OpenIdConnectResponseMode.Query;
        oidc.UsePkce = true;
        oidc.CallbackPath = CallbackPath;
        oidc.Scope.Clear();
        foreach (var scope in settings.ScopeList)
        {
            oidc.Scope.Add(scope);
        }

        // The dashboard needs who the user is, not their tokens: nothing to refresh, nothing to leak from the cookie.
        oidc.SaveTokens = false;
        oidc.GetClaimsFromUserInfoEndpoint = false;
        oidc.DisableTelemetry = true;
        // Keep the token's claim names (tid, https://slack.com/team_id, name), not the WS-Federation URIs.
        oidc.MapInboundClaims = false;
        oidc.TokenValidationParameters.NameClaimType = "name";
        oidc.TokenValidationParameters.IssuerValidatorUsingConfiguration = TenantIssuerValidator.Validate;
        oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
        oidc.NonceCookie.SameSite = SameSiteMode.Lax;
        oidc.CorrelationCookie.SecurePolicy = SecurePolicy(settings);
        oidc.NonceCookie.SecurePolicy = SecurePolicy(settings);
        oidc.Events.OnRemoteFailure = context =>
        {
            LogSignInFailed(logger, context.HttpContext.TraceIdentifier, context.Failure);
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            context.Response.ContentType = "text/plain; charset=utf-8";
            context.HandleResponse();
            return context.Response.WriteAsync(
                $"Sign-in failed. Open the dashboard again to retry. Correlation id: {context.HttpContext.TraceIdentifier}",
                context.HttpContext.RequestAborted);
        };
    }

    // Cookies are Secure everywhere except with an issuer on this machine (tests, local development), where the host is
    // reached over http://127.0.0.1 and a Secure cookie would never come back.
    private static CookieSecurePolicy SecurePolicy(DashboardOidcOptions settings) =>
        settings.IsLoopbackAuthority ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard sign-in failed (correlation id {CorrelationId})")]
    private static partial void LogSignInFailed(ILogger logger, string correlationId, Exception? exception);
}
