namespace ScribeBot.Alerts;

/// <summary>A source that proves itself with a shared token (Opsgenie, Alertmanager, Grafana).</summary>
public sealed class SharedTokenOptions
{
    /// <summary>The token the source sends as a bearer token, a basic-auth password or <c>X-ScribeBot-Token</c>. Empty: the endpoint is off (404).</summary>
    public string Token { get; set; } = "";

    internal bool IsSet => !string.IsNullOrWhiteSpace(Token);
}
