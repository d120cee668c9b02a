using System.Text.Json.Nodes;
using ScribeBot.Slack.Blocks;

namespace ScribeBot.Slack.Posting;

/// <summary>
/// What the first attempt of an outbox item rendered, stored (adapter state) before Slack is first called. Its
/// presence says a delivery may have started, so every later attempt, in this process or the next, checks the channel
/// first; its parts are what every attempt posts, so a draft resumed after a partial delivery continues the same
/// rendering even when the incident was edited in between. Once everything went out it shrinks to <see cref="Done"/>.
/// The item owns it (<c>SetItemStateAsync</c>): it goes when the item's retention ends.
/// </summary>
internal sealed record SlackDeliveryRecord(IReadOnlyList<SlackMessagePayload> Parts, SlackUpload? Upload, bool Done = false)
{
    public static SlackDeliveryRecord Completed { get; } = new([], null, Done: true);

    /// <summary>A draft's timeline picture, uploaded after the first part; none when no picture was drawn or Slack refused it.</summary>
    public SlackPicture? Picture { get; init; }

    /// <summary>Whether anything goes into the first part's thread, so that a retry must look there.</summary>
    public bool HasThread => Parts.Count > 1 || Upload is not null || Picture is not null;

    public static string KeyOf(string itemId) => $"slack:delivery:{itemId}";

    public string ToJson()
    {
        if (Done)
        {
            return new JsonObject { ["done"] = true }.ToJsonString();
        }

        var parts = new JsonArray();
        foreach (var part in Parts)
        {
            var blocks = new JsonArray();
            foreach (var block in part.Blocks)
            {
                blocks.Add(block.DeepClone());
            }

            parts.Add(new JsonObject { ["text"] = part.Text, ["blocks"] = blocks });
        }

        var json = new JsonObject { ["parts"] = parts };
        if (Upload is { } upload)
        {
            json["upload"] = new JsonObject { ["file"] = upload.FileName, ["title"] = upload.Title, ["content"] = upload.Content };
        }

        if (Picture is { } picture)
        {
            json["picture"] = new JsonObject
            {
                ["file"] = picture.FileName, ["title"] = picture.Title, ["alt"] = picture.AltText, ["png"] = Convert.ToBase64String(picture.Png),
            };
        }

        return json.ToJsonString();
    }

    public static SlackDeliveryRecord? FromJson(string? json)
    {
        if (json is null || JsonNode.Parse(json) is not JsonObject root)
        {
            return null;
        }

        if (root["done"]?.GetValue<bool>() == true)
        {
            return Completed;
        }

        var parts = (root["parts"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(p => new SlackMessagePayload(
                p["text"]?.GetValue<string>() ?? "",
                [.. (p["blocks"] as JsonArray ?? []).OfType<JsonObject>().Select(b => (JsonObject)b.DeepClone())]))
            .ToArray();
        var upload = root["upload"] is JsonObject u
            ? new SlackUpload(u["file"]!.GetValue<string>(), u["title"]!.GetValue<string>(), u["content"]!.GetValue<string>())
            : null;
        var picture = root["picture"] is JsonObject p
            ? new SlackPicture(
                p["file"]!.GetValue<string>(), p["title"]!.GetValue<string>(), p["alt"]!.GetValue<string>(), Convert.FromBase64String(p["png"]!.GetValue<string>()))
            : null;
        return new SlackDeliveryRecord(parts, upload) { Picture = picture };
    }
}

/// <summary>A file uploaded into the thread after the parts (the draft's Markdown).</summary>
internal sealed record SlackUpload(string FileName, string Title, string Content);
