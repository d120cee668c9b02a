namespace ScribeBot.Testing.Slack;

/// <summary>One request the fake Slack received, as it arrived on the wire, and when (on the system clock).</summary>
public sealed record RecordedCall(
    string ApiMethod,
    string HttpMethod,
    string Path,
    string QueryString,
    IReadOnlyDictionary<string, string> Headers,
    string? ContentType,
    byte[] Body,
    DateTimeOffset ArrivedAt)
{
    public string? Authorization => Headers.TryGetValue("Authorization", out var value) ? value : null;

    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Body);
        return document.RootElement.Clone();
    }

    public System.Text.Json.Nodes.JsonObject JsonObject() =>
        System.Text.Json.Nodes.JsonNode.Parse(Body) as System.Text.Json.Nodes.JsonObject ?? [];

    public IReadOnlyDictionary<string, string> Form() =>
        QueryHelpers.ParseQuery(Encoding.UTF8.GetString(Body)).ToDictionary(p => p.Key, p => p.Value.ToString());

    public IReadOnlyDictionary<string, string> Query() =>
        QueryHelpers.ParseQuery(QueryString).ToDictionary(p => p.Key, p => p.Value.ToString());
}
