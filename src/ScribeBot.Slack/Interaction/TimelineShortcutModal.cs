using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Chat;
using ScribeBot.Core.Tagging;
using ScribeBot.Core.Text;
using ScribeBot.Core.Timeline;
using ScribeBot.Slack.Events;

namespace ScribeBot.Slack.Interaction;

/// <summary>
/// The "Add to incident timeline" message shortcut's modal: a select of the kind, an optional note, and in
/// <c>private_metadata</c> the message itself, so the submit can tag (or add) a message the incident never recorded,
/// such as the alert posted before <c>/incident start</c>.
/// </summary>
internal static class TimelineShortcutModal
{
    /// <summary>The shortcut's callback id, as in the app manifest.</summary>
    public const string ShortcutCallbackId = "add_to_timeline";

    /// <summary>The modal's own callback id, which its <c>view_submission</c> carries.</summary>
    public const string ViewCallbackId = "add_to_timeline_modal";

    public const string KindBlockId = "kind";
    public const string KindActionId = "kind_select";
    public const string NoteBlockId = "note";
    public const string NoteActionId = "note_input";

    /// <summary>Slack's limit for <c>private_metadata</c>.</summary>
    public const int MaxMetadataLength = 3000;

    public static JsonObject Build(SlackMessageShortcut shortcut)
    {
        var options = new JsonArray();
        foreach (var (tag, label) in TagChoices.MessageActionKinds)
        {
            options.Add(new JsonObject { ["text"] = PlainText(label), ["value"] = tag.ToName() });
        }

        return new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = ViewCallbackId,
            ["title"] = PlainText("Add to timeline"),
            ["submit"] = PlainText("Add"),
            ["close"] = PlainText("Cancel"),
            ["private_metadata"] = Metadata(shortcut),
            ["blocks"] = new JsonArray(
                new JsonObject
                {
                    ["type"] = "input",
                    ["block_id"] = KindBlockId,
                    ["label"] = PlainText("Kind of event"),
                    ["element"] = new JsonObject
                    {
                        ["type"] = "static_select",
                        ["action_id"] = KindActionId,
                        ["placeholder"] = PlainText("Choose a kind"),
                        ["options"] = options,
                    },
                },
                new JsonObject
                {
                    ["type"] = "input",
                    ["block_id"] = NoteBlockId,
                    ["optional"] = true,
                    ["label"] = PlainText("Note"),
                    ["element"] = new JsonObject
                    {
                        ["type"] = "plain_text_input",
                        ["action_id"] = NoteActionId,
                        ["multiline"] = true,
                        ["max_length"] = 3000,
                    },
                }),
        };
    }

    /// <summary>The kind chosen, or null when the value is not one of <see cref="TagChoices.MessageActionKinds"/>.</summary>
    public static TimelineTag? KindOf(string? value) =>
        value is not null && TimelineTagNames.TryParse(value, out var tag) && TagChoices.MessageActionKinds.Any(k => k.Tag == tag) ? tag : null;

    /// <summary>The request the submit stands for, or null when the metadata is not ours.</summary>
    public static TagRequest? ReadRequest(string privateMetadata, TimelineTag tag, Person user, string? note)
    {
        ShortcutMetadata? metadata;
        try
        {
            metadata = JsonSerializer.Deserialize<ShortcutMetadata>(privateMetadata);
        }
        catch (JsonException)
        {
            return null;
        }

        if (metadata is not { Team.Length: > 0, Channel.Length: > 0, MessageTs.Length: > 0 }
            || !SlackTimestamp.TryParse(metadata.MessageTs, out var at))
        {
            return null;
        }

        var channel = new ChannelRef(ChatPlatform.Slack, metadata.Team, metadata.Channel);
        var original = new ChatMessage
        {
            Channel = channel,
            MessageId = metadata.MessageTs,
            ThreadId = metadata.ThreadTs,
            At = at.Value,
            Author = new Person(metadata.UserId ?? "", metadata.UserName ?? metadata.UserId ?? ""),
            Text = metadata.Text ?? "",
        };
        return new TagRequest(channel, metadata.MessageTs, tag, user, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), original);
    }

    private static string Metadata(SlackMessageShortcut shortcut)
    {
        var original = shortcut.Original;
        var metadata = new ShortcutMetadata(
            shortcut.Channel.Workspace, shortcut.Channel.Channel, shortcut.MessageTs, original.ThreadId,
            original.Author.Id, original.Author.DisplayName, original.Text);
        var json = JsonSerializer.Serialize(metadata);
        if (json.Length <= MaxMetadataLength)
        {
            return json;
        }

        // The text is the only field that can be long; cut it so the rest fits (a message already recorded keeps
        // its full text, as the stored entry wins; only a never-recorded one is added with the cut text).
        var over = json.Length - MaxMetadataLength + 1;
        var text = original.Text;
        while (over > 0 && text.Length > 0)
        {
            text = text[..TextShortener.CutIndex(text, Math.Max(0, text.Length - over))];
            json = JsonSerializer.Serialize(metadata with { Text = text + "…" });
            over = json.Length - MaxMetadataLength;
        }

        return json;
    }

    private static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text };

    private sealed record ShortcutMetadata(
        [property: JsonPropertyName("team")] string Team,
        [property: JsonPropertyName("channel")] string Channel,
        [property: JsonPropertyName("ts")] string MessageTs,
        [property: JsonPropertyName("thread_ts")] string? ThreadTs,
        [property: JsonPropertyName("user")] string? UserId,
        [property: JsonPropertyName("user_name")] string? UserName,
        [property: JsonPropertyName("text")] string? Text);
}
