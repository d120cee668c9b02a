namespace ScribeBot.Teams.Access;

/// <summary>How the Teams endpoint takes requests, decided once at start from the configuration.</summary>
internal enum TeamsMode
{
    /// <summary>No app id: the endpoint does not exist (404) and the bot calls no Bot Connector.</summary>
    Closed,

    /// <summary>No app id and <c>Teams:AllowUnauthenticated</c>: unauthenticated activities from loopback peers only (the Bot Framework Emulator).</summary>
    Emulator,

    /// <summary>An app id: every request carries a Bot Framework token, checked by the SDK.</summary>
    Authenticated,
}
