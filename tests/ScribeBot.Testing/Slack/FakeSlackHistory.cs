namespace ScribeBot.Testing.Slack;

/// <summary>
/// What the fake Slack's channels hold: every message it took (the bot's posts, and messages a test adds as other
/// people or apps), answered back by <c>conversations.history</c> and <c>conversations.replies</c> the way Slack
/// documents them: <c>oldest</c>/<c>latest</c> exclusive unless <c>inclusive</c>, history newest first and only
/// top-level messages, replies parent first then oldest first, <c>limit</c> per page and an opaque
/// <c>response_metadata.next_cursor</c> while <c>has_more</c>; message metadata only with <c>include_all_metadata</c>.
/// </summary>
public sealed class FakeSlackHistory(Func<TimeProvider> clock)
{
    /// <summary>Who the fake's bot token belongs to (its <c>auth.test</c> answer).</summary>
    public const string BotUserId = "UBOT00001";
    public const string BotId = "BBOT00001";

    private readonly Lock _lock = new();
    private readonly List<(string Channel, JsonObject Message)> _messages = [];
    private decimal _lastTs;

    /// <summary>A new, strictly increasing ts on the fake's clock, as Slack makes one per message.</summary>
    public string NextTs()
    {
        lock (_lock)
        {
            var now = clock().GetUtcNow().ToUnixTimeMilliseconds() / 1000m;
            _lastTs = Math.Max(now, _lastTs + 0.000001m);
            return _lastTs.ToString("0.000000", CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The messages of a channel in the order they were posted (thread replies included).</summary>
    public IReadOnlyList<JsonObject> In(string channel)
    {
        lock (_lock)
        {
            return [.. _messages.Where(m => m.Channel == channel).Select(m => (JsonObject)m.Message.DeepClone())];
        }
    }

    /// <summary>Adds a message as posted (its <c>ts</c> and any <c>thread_ts</c> already set).</summary>
    public void Add(string channel, JsonObject message)
    {
        lock (_lock)
        {
            _messages.Add((channel, message));

            // A ts a script chose counts too: later messages come after it, as in a real channel.
            _lastTs = Math.Max(_lastTs, decimal.Parse(Ts(message), CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Stores what a <c>chat.postMessage</c> body asked for, as the bot's message with <paramref name="ts"/>.</summary>
    public JsonObject AddPost(JsonObject body, string ts)
    {
        var message = new JsonObject
        {
            ["type"] = "message",
            ["subtype"] = "bot_message",
            ["ts"] = ts,
            ["user"] = BotUserId,
            ["bot_id"] = BotId,
            ["text"] = body["text"]?.DeepClone(),
            ["blocks"] = body["blocks"]?.DeepClone(),
        };
        if (body["thread_ts"]?.GetValue<string>() is { } thread)
        {
            message["thread_ts"] = thread;
        }

        if (body["metadata"] is JsonObject metadata)
        {
            message["metadata"] = metadata.DeepClone();
        }

        Add(body["channel"]?.GetValue<string>() ?? "", message);
        return message;
    }

    public string History(IQueryCollection query)
    {
        var channel = query["channel"].ToString();
        var page = Window(query, In(channel).Where(m => ThreadOf(m) is not { } thread || thread == Ts(m)))
            .OrderByDescending(Ts);
        return Page(query, page);
    }

    public string Replies(IQueryCollection query)
    {
        var channel = query["channel"].ToString();
        var parent = query["ts"].ToString();
        var thread = In(channel).Where(m => Ts(m) == parent || ThreadOf(m) == parent).ToArray();
        if (thread.Length == 0)
        {
            return """{"ok":false,"error":"thread_not_found"}""";
        }

        // The parent always comes first, whatever the window; the window applies to the replies.
        var replies = Window(query, thread.Where(m => Ts(m) != parent)).OrderBy(Ts);
        return Page(query, thread.Where(m => Ts(m) == parent).Concat(replies));
    }

    private static IEnumerable<JsonObject> Window(IQueryCollection query, IEnumerable<JsonObject> messages)
    {
        var inclusive = query["inclusive"] == "true" || query["inclusive"] == "1";
        var oldest = decimal.TryParse(query["oldest"], NumberStyles.Number, CultureInfo.InvariantCulture, out var o) ? o : decimal.MinValue;
        var latest = decimal.TryParse(query["latest"], NumberStyles.Number, CultureInfo.InvariantCulture, out var l) ? l : decimal.MaxValue;
        return messages.Where(m =>
        {
            var ts = decimal.Parse(Ts(m), CultureInfo.InvariantCulture);
            return inclusive ? ts >= oldest && ts <= latest : ts > oldest && ts < latest;
        });
    }

    private static string Page(IQueryCollection query, IEnumerable<JsonObject> ordered)
    {
        var all = ordered.ToArray();
        var limit = int.TryParse(query["limit"], out var n) && n > 0 ? Math.Min(n, 999) : 100;
        var start = query["cursor"].ToString() is { Length: > 0 } cursor
            ? int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(cursor))["next_ts:".Length..], CultureInfo.InvariantCulture)
            : 0;
        var withMetadata = query["include_all_metadata"] == "true" || query["include_all_metadata"] == "1";
        var messages = new JsonArray();
        foreach (var message in all.Skip(start).Take(limit))
        {
            var copy = (JsonObject)message.DeepClone();
            if (!withMetadata)
            {
                copy.Remove("metadata");
            }

            messages.Add(copy);
        }

        var more = start + limit < all.Length;
        var answer = new JsonObject { ["ok"] = true, ["messages"] = messages, ["has_more"] = more };
        if (more)
        {
            answer["response_metadata"] = new JsonObject
            {
                ["next_cursor"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("next_ts:" + (start + limit).ToString(CultureInfo.InvariantCulture))),
            };
        }

        return answer.ToJsonString();
    }

    private static string Ts(JsonObject message) => message["ts"]!.GetValue<string>();

    private static string? ThreadOf(JsonObject message) => message["thread_ts"]?.GetValue<string>();
}
