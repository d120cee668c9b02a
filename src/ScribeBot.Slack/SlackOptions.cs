namespace ScribeBot.Slack;

/// <summary>
/// The <c>Slack</c> configuration section. The secrets come from the environment (<c>Slack__BotToken</c> ...), never
/// from a committed file; the host binds and validates the section.
/// </summary>
public sealed class SlackOptions
{
    public const string SectionName = "Slack";

    /// <summary>Verifies that inbound requests come from Slack (v0 signatures).</summary>
    public string SigningSecret { get; set; } = "";

    /// <summary>The bot token (<c>xoxb-...</c>) the Web API client sends as a bearer token.</summary>
    public string BotToken { get; set; } = "";

    /// <summary>The app-level token (<c>xapp-...</c>); set, it switches Socket Mode on.</summary>
    public string AppToken { get; set; } = "";

    /// <summary>Slack's Web API; configurable so tests point it at a fake Slack on loopback.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>
    /// How long one Web API request (a post, a read, an upload step) may take before it counts as failed. A Slack that
    /// accepts a request and never answers then costs one attempt, which the outbox retries, instead of holding the
    /// channel's posts for HttpClient's 100 s default.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
