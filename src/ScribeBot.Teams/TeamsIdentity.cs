using Microsoft.Extensions.Configuration;

namespace ScribeBot.Teams;

/// <summary>
/// The bot's Microsoft app id from the standard Bot Framework key <c>MicrosoftAppId</c>. Empty means no
/// authentication at all, in either direction: local testing only (DESIGN.md, "Platforms").
/// </summary>
internal sealed record TeamsIdentity(string AppId)
{
    public const string AppIdKey = "MicrosoftAppId";

    public bool IsAuthenticated => AppId.Length > 0;

    public static TeamsIdentity From(IConfiguration configuration) => new(configuration[AppIdKey]?.Trim() ?? string.Empty);
}
