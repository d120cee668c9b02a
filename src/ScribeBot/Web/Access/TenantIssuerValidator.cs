using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ScribeBot.Web.Access;

/// <summary>
/// Issuer check that also understands Entra's multi-tenant authorities (<c>organizations</c>, <c>common</c>), whose
/// discovery document names the issuer <c>https://login.microsoftonline.com/{tenantid}/v2.0</c>: a token is accepted
/// when its <c>iss</c> is that template with the token's own <c>tid</c> filled in. Any other issuer must match exactly.
/// Which tenants may use the dashboard is decided afterwards, by <see cref="AllowedOrganizationHandler"/>.
/// </summary>
internal static class TenantIssuerValidator
{
    private const string TenantPlaceholder = "{tenantid}";

    /// <summary>
    /// An <see cref="IssuerValidatorUsingConfiguration"/>: the OpenID Connect handler hands over the discovery document
    /// as <paramref name="configuration"/> rather than filling in the parameters' valid issuers.
    /// </summary>
    public static string Validate(string issuer, SecurityToken token, TokenValidationParameters parameters, BaseConfiguration? configuration)
    {
        var tenant = token is JsonWebToken jwt && jwt.TryGetPayloadValue<string>("tid", out var tid) ? tid : null;
        var expected = (parameters.ValidIssuers ?? []).Append(parameters.ValidIssuer).Append(configuration?.Issuer).OfType<string>();
        foreach (var candidate in expected)
        {
            var resolved = candidate.Contains(TenantPlaceholder, StringComparison.OrdinalIgnoreCase)
                ? tenant is { Length: > 0 } ? candidate.Replace(TenantPlaceholder, tenant, StringComparison.OrdinalIgnoreCase) : null
                : candidate;
            if (string.Equals(resolved, issuer, StringComparison.Ordinal))
            {
                return issuer;
            }
        }

        throw new SecurityTokenInvalidIssuerException($"The token's issuer '{issuer}' is not the configured issuer.") { InvalidIssuer = issuer };
    }
}
