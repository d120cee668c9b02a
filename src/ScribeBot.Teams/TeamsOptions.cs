namespace ScribeBot.Teams;

/// <summary>
/// The <c>Teams</c> configuration section: how the bot talks to the Bot Connector. The app registration itself uses
/// the Bot Framework's standard root keys (<c>MicrosoftAppId</c> ...), not this section.
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
}
