using System.Text;
using System.Text.Json.Nodes;

namespace ScribeBot.Slack.WebApi;

/// <summary>The three shapes of request the method groups send, relative to <c>Slack:ApiBaseUrl</c>.</summary>
internal static class SlackApiRequest
{
    public static HttpRequestMessage PostJson(string method, JsonObject body) =>
        new(HttpMethod.Post, method)
        {
            // Slack reads the charset from the content type and warns (missing_charset) without it.
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };

    public static HttpRequestMessage PostForm(string method, params (string Name, string Value)[] fields) =>
        new(HttpMethod.Post, method)
        {
            Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))),
        };

    public static HttpRequestMessage Get(string method, params (string Name, string Value)[] query) =>
        new(HttpMethod.Get, method + "?" + string.Join('&',
            query.Select(q => Uri.EscapeDataString(q.Name) + "=" + Uri.EscapeDataString(q.Value))));
}
