namespace ScribeBot.Teams;

/// <summary>
/// The <c>Teams</c> configuration section: who may talk to the bot and where it may talk back. The app registration
/// itself uses the Bot Framework's standard root keys (<c>MicrosoftAppId</c> ...), not this section.
/// </summary>
internal sealed class TeamsOptions
{
    public const string SectionName = "Teams";

    /// <summary>
    /// How long one request to the Bot Connector (or to the token service) may take before it counts as failed. A
    /// connector that accepts a post and never answers then costs one attempt, which the outbox retries, instead of
    /// holding the channel's posts for HttpClient's 100 s default.
    /// </summary>
    public TimeSpan ConnectorTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Without an app id, accept unauthenticated activities from this machine only (the Bot Framework Emulator).
    /// Off, an install without an app id has no Teams endpoint at all.
    /// </summary>
    public bool AllowUnauthenticated { get; set; }

    /// <summary>Microsoft Entra tenant ids whose Teams may use the bot. Empty: <c>MicrosoftAppTenantId</c>.</summary>
    public string[] AllowedTenants { get; set; } = [];

    /// <summary>
    /// The Bot Connector addresses the bot may call (scheme, host and port must match; the path is a prefix). Empty:
    /// Microsoft's Teams service hosts (<see cref="Access.ServiceUrlAllowList.TeamsDefaults"/>).
    /// </summary>
    public string[] AllowedServiceUrls { get; set; } = [];
}
