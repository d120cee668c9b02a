namespace ScribeBot.Testing.Slack;

/// <summary>
/// Requests in the exact shapes Slack sends, built from the published fixtures for one workspace and channel, and
/// signed the way Slack signs them.
/// </summary>
public static class SlackPayloads
{
    /// <summary>The signing secret of Slack's docs example, which a host with Slack on verifies with.</summary>
    public const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    public const string Team = "T123ABC456";
    public const string ChannelId = "C123ABC456";
    public const string BotToken = "xoxb-test-token";
    public static readonly ChannelRef Channel = new(ChatPlatform.Slack, Team, ChannelId);

    /// <summary>A Slack <c>ts</c> for now, plus some seconds.</summary>
    public static string Now(double plusSeconds = 0) =>
        (TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0 + plusSeconds).ToString("F6", CultureInfo.InvariantCulture);

    public static string Sign(string timestamp, byte[] body, string secret = Secret)
    {
        var basestring = Encoding.UTF8.GetBytes($"v0:{timestamp}:").Concat(body).ToArray();
        return "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), basestring));
    }

    /// <summary>A published fixture with the given JSON paths (<c>event.ts</c>) replaced.</summary>
    public static JsonNode Event(string fixture, params (string Path, JsonNode? Value)[] changes)
    {
        var node = JsonNode.Parse(Fixtures.Slack.Bytes(fixture))!;
        foreach (var (path, value) in changes)
        {
            var parts = path.Split('.');
            var parent = node;
            foreach (var part in parts[..^1])
            {
                parent = parent[part]!;
            }

            parent[parts[^1]] = value;
        }

        return node;
    }

    /// <summary>The slash-command form of Slack's docs example, as our <c>/incident</c> in our channel.</summary>
    public static Dictionary<string, string> Command(string text, string triggerId)
    {
        var form = QueryHelpers.ParseQuery(Fixtures.Slack.Text("slash_command_weather.slack_docs_example.form.txt").Trim())
            .ToDictionary(p => p.Key, p => p.Value.ToString());
        form["team_id"] = Team;
        form["channel_id"] = ChannelId;
        form["command"] = "/incident";
        form["text"] = text;
        form["trigger_id"] = triggerId;
        return form;
    }

    public static string EncodeForm(IReadOnlyDictionary<string, string> fields) =>
        string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
}
