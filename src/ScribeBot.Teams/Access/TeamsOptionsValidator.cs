using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ScribeBot.Teams.Access;

/// <summary>
/// Refuses to start with a Teams setup that would let in more than intended, or that names something it cannot use:
/// an app id with no tenant to serve, a service URL that is not one, the Emulator switch beside a real app id.
/// </summary>
internal sealed class TeamsOptionsValidator(IConfiguration configuration) : IValidateOptions<TeamsOptions>
{
    private const string Prefix = TeamsOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        var failures = new List<string>();
        if (options.ConnectorTimeout <= TimeSpan.Zero || options.ConnectorTimeout > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{Prefix}ConnectorTimeout must be more than zero and at most 00:05:00, e.g. 00:00:15.");
        }

        foreach (var entry in options.AllowedServiceUrls.Where(e => !string.IsNullOrWhiteSpace(e)))
        {
            if (ServiceUrlAllowList.Parse(entry) is null)
            {
                failures.Add($"{Prefix}AllowedServiceUrls has '{entry}', which is not an absolute https URL without query " +
                    "(e.g. https://smba.trafficmanager.net/; http only for a loopback host).");
            }
        }

        var identity = TeamsIdentity.From(configuration);
        if (identity.IsAuthenticated)
        {
            if (options.AllowUnauthenticated)
            {
                failures.Add($"{Prefix}AllowUnauthenticated is true but MicrosoftAppId is set: the switch is for the Bot Framework " +
                    "Emulator without an app id. Remove it.");
            }

            if (TeamsAccess.AllowedTenantsOf(options, configuration).Count == 0)
            {
                failures.Add($"MicrosoftAppId is set but no tenant may use the bot: set {TeamsAccess.TenantIdKey} (your Microsoft Entra " +
                    $"tenant id) or list the tenants in {Prefix}AllowedTenants.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
