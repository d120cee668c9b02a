using Microsoft.Extensions.Configuration;

namespace ScribeBot.Teams;

/// <summary>
/// The bot's Microsoft app id from the standard Bot Framework key <c>MicrosoftAppId</c>. Empty means Teams is not
/// configured: the endpoint is closed unless the Emulator switch opens it to this machine (<see cref="Access.TeamsAccess"/>).
/// </summary>
internal sealed record TeamsIdentity(string AppId)
{
    public const string AppIdKey = "MicrosoftAppId";

    public bool IsAuthenticated => AppId.Length > 0;

    public static TeamsIdentity From(IConfiguration configuration) => new(configuration[AppIdKey]?.Trim() ?? string.Empty);
}
