namespace ScribeBot.Alerts;

/// <summary><c>Alerts:PagerDuty</c>: the webhook subscription's signing secrets and how old an event may be.</summary>
public sealed class PagerDutyOptions
{
    /// <summary>
    /// The signing secrets of the V3 webhook subscriptions that may call us. A list so a secret can be rotated without
    /// refusing pages: add the new one, switch PagerDuty over, remove the old one. Empty: the endpoint is off (404).
    /// </summary>
    public IList<string> SigningSecrets { get; } = [];

    /// <summary>
    /// How far an event's <c>occurred_at</c> may be from now before the request counts as replayed (401). PagerDuty
    /// retries a failed delivery about 20 minutes and queues later events behind it, so an hour takes every honest
    /// delivery and refuses a captured one sent again a day later.
    /// </summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The secrets that are set (an empty entry blanks a rotated-out secret without renumbering).</summary>
    internal IReadOnlyList<string> ConfiguredSecrets => SigningSecrets.Where(secret => !string.IsNullOrWhiteSpace(secret)).ToList();
}
