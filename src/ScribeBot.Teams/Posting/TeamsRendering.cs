using System.Text.Json.Nodes;

namespace ScribeBot.Teams.Posting;

/// <summary>
/// The messages an outbox item's first attempt rendered, stored (adapter state, <c>teams:rendered:{id}</c>) before the
/// connector is first called, so every later attempt, in this process or the next, sends the same messages and a draft
/// resumed after a partial delivery never mixes two renderings. Which of them the connector accepted is counted apart
/// (<see cref="TeamsChannelPoster.ProgressKeyOf"/>): that count is rewritten after every message, the rendering only
/// once. When every message is accepted it shrinks to <see cref="Done"/>. Both records are the item's own
/// (<c>SetItemStateAsync</c>): they go when the item's retention ends.
/// </summary>
internal sealed record TeamsRendering(IReadOnlyList<string> Messages, bool Done = false)
{
    public static TeamsRendering Completed { get; } = new([], Done: true);

    /// <summary>The draft's timeline picture, attached to one of the messages; none for other posts or without one.</summary>
    public TeamsPicture? Picture { get; init; }

    public static string KeyOf(string itemId) => $"teams:rendered:{itemId}";

    public string ToJson()
    {
        if (Done)
        {
            return new JsonObject { ["done"] = true }.ToJsonString();
        }

        var json = new JsonObject { ["messages"] = new JsonArray([.. Messages.Select(m => JsonValue.Create(m))]) };
        if (Picture is { } picture)
        {
            json["picture"] = new JsonObject { ["name"] = picture.Name, ["at"] = picture.At, ["png"] = Convert.ToBase64String(picture.Png) };
        }

        return json.ToJsonString();
    }

    public static TeamsRendering? FromJson(string? json)
    {
        if (json is null || JsonNode.Parse(json) is not JsonObject root)
        {
            return null;
        }

        if (root["done"]?.GetValue<bool>() == true)
        {
            return Completed;
        }

        var picture = root["picture"] is JsonObject p
            ? new TeamsPicture(p["name"]!.GetValue<string>(), Convert.FromBase64String(p["png"]!.GetValue<string>()), p["at"]!.GetValue<int>())
            : null;
        return new TeamsRendering([.. (root["messages"] as JsonArray ?? []).Select(m => m!.GetValue<string>())]) { Picture = picture };
    }
}
