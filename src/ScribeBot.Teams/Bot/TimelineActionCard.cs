using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Newtonsoft.Json.Linq;
using ScribeBot.Core.Tagging;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Teams.Bot;

/// <summary>
/// The "Add to incident timeline" message action: the dialog its <c>composeExtension/fetchTask</c> opens (an
/// Adaptive Card, written as plain JSON: DESIGN.md keeps AdaptiveCards types out) and the answers to its submit.
/// </summary>
internal static class TimelineActionCard
{
    /// <summary>The command id in the app manifest's <c>composeExtensions</c>.</summary>
    public const string CommandId = "addToTimeline";

    public const string KindInputId = "kind";
    public const string NoteInputId = "note";

    /// <summary>Longest note accepted; the card enforces it and the submit is checked again.</summary>
    public const int MaxNoteLength = 1000;

    public static MessagingExtensionActionResponse Dialog()
    {
        var choices = new JArray(TagChoices.MessageActionKinds.Select(k => new JObject { ["title"] = k.Label, ["value"] = k.Tag.ToName() }));
        var card = new JObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.4",
            ["body"] = new JArray
            {
                new JObject { ["type"] = "TextBlock", ["text"] = "What does this message show?", ["wrap"] = true, ["weight"] = "Bolder" },
                new JObject
                {
                    ["type"] = "Input.ChoiceSet",
                    ["id"] = KindInputId,
                    ["style"] = "compact",
                    ["isRequired"] = true,
                    ["errorMessage"] = "Choose a kind.",
                    ["value"] = TimelineTag.KeyEvent.ToName(),
                    ["choices"] = choices,
                },
                new JObject
                {
                    ["type"] = "Input.Text",
                    ["id"] = NoteInputId,
                    ["label"] = "Note (optional)",
                    ["isMultiline"] = true,
                    ["maxLength"] = MaxNoteLength,
                    ["placeholder"] = "Why it matters, what it ruled out...",
                },
            },
            ["actions"] = new JArray { new JObject { ["type"] = "Action.Submit", ["title"] = "Add to timeline" } },
        };

        return new MessagingExtensionActionResponse
        {
            Task = new TaskModuleContinueResponse
            {
                Value = new TaskModuleTaskInfo
                {
                    Title = "Add to incident timeline",
                    Height = "medium",
                    Width = "medium",
                    Card = new Attachment { ContentType = "application/vnd.microsoft.card.adaptive", Content = card },
                },
            },
        };
    }

    /// <summary>A message shown in the dialog instead of closing it.</summary>
    public static MessagingExtensionActionResponse Message(string text) =>
        new() { Task = new TaskModuleMessageResponse(text) };

    /// <summary>Closes the dialog: the tag is stored.</summary>
    public static MessagingExtensionActionResponse Done() => new();
}
