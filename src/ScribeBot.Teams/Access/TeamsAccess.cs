using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using ScribeBot.Teams.Inbound;
using ScribeBot.Core.Text;

namespace ScribeBot.Teams.Access;

/// <summary>
/// Who may talk to the bot through Teams and where the bot may talk back, in one place: the endpoint asks it before the
/// SDK runs, the bot before a turn does anything, the poster before each call to a Bot Connector.
/// </summary>
internal sealed class TeamsAccess
{
    /// <summary>The channel id Teams gives its activities; Web Chat, Direct Line and the Emulator use others.</summary>
    public const string TeamsChannelId = "msteams";

    public const string TenantIdKey = "MicrosoftAppTenantId";

    private readonly HashSet<string> _tenants;

    public TeamsAccess(TeamsIdentity identity, IOptions<TeamsOptions> options, IConfiguration configuration)
    {
        var settings = options.Value;
        Mode = identity.IsAuthenticated ? TeamsMode.Authenticated
            : settings.AllowUnauthenticated ? TeamsMode.Emulator
            : TeamsMode.Closed;
        _tenants = new HashSet<string>(AllowedTenantsOf(settings, configuration), StringComparer.OrdinalIgnoreCase);
        ServiceUrls = Mode == TeamsMode.Authenticated
            ? ServiceUrlAllowList.From(settings.AllowedServiceUrls)
            : ServiceUrlAllowList.LoopbackOnly();
    }

    public TeamsMode Mode { get; }

    public ServiceUrlAllowList ServiceUrls { get; }

    public IReadOnlyCollection<string> Tenants => _tenants;

    /// <summary><c>Teams:AllowedTenants</c>, or the app's own tenant when that list is empty.</summary>
    public static IReadOnlyList<string> AllowedTenantsOf(TeamsOptions options, IConfiguration configuration)
    {
        var configured = options.AllowedTenants.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).ToArray();
        return configured.Length > 0 ? configured
            : configuration[TenantIdKey] is { Length: > 0 } tenant && !string.IsNullOrWhiteSpace(tenant) ? [tenant.Trim()]
            : [];
    }

    /// <summary>
    /// Why an authenticated (or Emulator) activity must not be acted on, or null. A token proves the Bot Framework sent
    /// the activity, not that it came from Teams, nor from a tenant that installed this bot: a Web Chat or Direct Line
    /// client writes its own <c>channelData</c> and <c>from</c>.
    /// </summary>
    public string? RefusalOf(IActivity activity)
    {
        if (Mode == TeamsMode.Authenticated && !string.Equals(activity.ChannelId, TeamsChannelId, StringComparison.Ordinal))
        {
            return $"channel '{Shorten(activity.ChannelId)}' is not Microsoft Teams";
        }

        if (!ServiceUrls.Allows(activity.ServiceUrl))
        {
            return $"serviceUrl '{Shorten(activity.ServiceUrl)}' is not on Teams:AllowedServiceUrls";
        }

        var tenant = TeamsConversation.TenantOf(activity);
        if (_tenants.Count > 0 && (tenant is null || !_tenants.Contains(tenant)))
        {
            return $"tenant '{Shorten(tenant)}' is not on Teams:AllowedTenants";
        }

        return Mode == TeamsMode.Authenticated && _tenants.Count == 0 ? "no tenant is allowed" : null;
    }

    // Echoed values are cut: the sender chose them, and a log line is no place for 10,000 characters of them.
    private static string Shorten(string? text) => text is null ? "(none)" : TextShortener.Shorten(text, TextShortener.LogLength);
}
