using ScribeBot.Core.Paging;

namespace ScribeBot.Testing.Alerts;

/// <summary>Posts to the host's <c>/alerts/{source}</c> the way each pager does: PagerDuty signed, the others with a token.</summary>
public static class AlertRequests
{
    /// <summary>The PagerDuty signing secret a test host takes (<see cref="ScribeBotApplication.WithPagerDuty"/>).</summary>
    public const string PagerDutySecret = "pd-test-signing-secret-0123456789abcdef";

    /// <summary>The token a test host takes for Opsgenie, Alertmanager and Grafana (<see cref="ScribeBotApplication.WithAlertToken"/>).</summary>
    public const string Token = "alerts-test-token-0123456789";

    /// <summary>PagerDuty's <c>X-PagerDuty-Signature</c> value for one secret: <c>v1=</c> and the hex HMAC-SHA256 of the body.</summary>
    public static string SignPagerDuty(byte[] body, string secret = PagerDutySecret) =>
        "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>Posts a PagerDuty delivery with <paramref name="signature"/> (none given: signed with <see cref="PagerDutySecret"/>; "" sends no header).</summary>
    public static Task<HttpResponseMessage> PostPagerDutyAsync(this ScribeBotApplication host, byte[] body, string? signature = null) =>
        host.PostAlertAsync(PageSource.PagerDuty, body, request =>
        {
            if (signature is not "")
            {
                request.Headers.Add("X-PagerDuty-Signature", signature ?? SignPagerDuty(body));
            }
        });

    /// <summary>Posts to a token source with <c>Authorization: Bearer</c> <paramref name="token"/> (null: no credentials).</summary>
    public static Task<HttpResponseMessage> PostWithBearerAsync(this ScribeBotApplication host, PageSource source, byte[] body, string? token = Token) =>
        host.PostAlertAsync(source, body, request =>
        {
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
        });

    /// <summary>Posts with <c>Authorization: Basic</c>, <paramref name="password"/> after any user name.</summary>
    public static Task<HttpResponseMessage> PostWithBasicAsync(this ScribeBotApplication host, PageSource source, byte[] body, string password = Token) =>
        host.PostAlertAsync(source, body, request => request.Headers.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("scribebot:" + password))));

    /// <summary>Posts with the token in <c>X-ScribeBot-Token</c> (an Opsgenie custom header).</summary>
    public static Task<HttpResponseMessage> PostWithTokenHeaderAsync(this ScribeBotApplication host, PageSource source, byte[] body, string token = Token) =>
        host.PostAlertAsync(source, body, request => request.Headers.Add("X-ScribeBot-Token", token));

    public static async Task<HttpResponseMessage> PostAlertAsync(
        this ScribeBotApplication host, PageSource source, HttpContent content, Action<HttpRequestMessage> authenticate)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"alerts/{source.ToName()}") { Content = content };
        authenticate(request);
        return await host.Client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> PostAlertAsync(
        this ScribeBotApplication host, PageSource source, byte[] body, Action<HttpRequestMessage> authenticate)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return host.PostAlertAsync(source, content, authenticate);
    }
}
