namespace ScribeBot.Testing.Teams;

/// <summary>
/// Activities in the exact shapes Teams sends, built from the published fixtures with only ids, text, times and the
/// service URL replaced, for one team channel of one tenant.
/// </summary>
public static class TeamsPayloads
{
    public const string Tenant = "50612dbb-0237-4969-b378-8d42590f9c00";
    public const string ChannelId = "19:6848757105754c8981c67612732d9aa7@thread.tacv2";
    public const string TeamId = "19:66P469zibfbsGI-_a0aN_toLTZpyzS6u7CT3TsXdgPw1@thread.tacv2";
    public const string BotId = "28:0b6fe6d1-fece-44f7-9a48-56465e2d5ab8";
    public const string BotName = "ScribeBot";

    public static readonly ChannelRef Channel = new(ChatPlatform.Teams, Tenant, ChannelId);

    public static readonly DateTimeOffset Start = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);

    /// <summary>A channel message, as received with resource-specific consent (no mention) or, with <paramref name="mentionBot"/>, addressed to the bot.</summary>
    /// <param name="root">The thread's root message id; null makes the message a new post (its own root).</param>
    public static JsonObject ChannelMessage(
        Uri serviceUrl, string id, string text, DateTimeOffset at, (string Id, string Name) from, string? root = null, bool mentionBot = false)
    {
        var activity = Fixture("activity_message_channel_mention_thread_reply.json");
        activity["id"] = id;
        activity["serviceUrl"] = serviceUrl.AbsoluteUri;
        activity["timestamp"] = at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        activity["localTimestamp"] = at.ToString("O", CultureInfo.InvariantCulture);
        activity["from"] = new JsonObject { ["id"] = from.Id, ["name"] = from.Name, ["aadObjectId"] = Guid.NewGuid().ToString() };
        activity["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = BotName };
        activity["conversation"]!["id"] = $"{ChannelId};messageid={root ?? id}";
        var mentionText = $"<at>{BotName}</at>";
        activity["text"] = mentionBot ? $"{mentionText} {text}" : text;
        activity["attachments"] = new JsonArray(new JsonObject
        {
            ["contentType"] = "text/html",
            ["content"] = "<p>" + System.Net.WebUtility.HtmlEncode(text) + "</p>",
        });
        var entities = activity["entities"]!.AsArray();
        entities.RemoveAt(0);
        if (mentionBot)
        {
            entities.Insert(0, new JsonObject
            {
                ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
                ["text"] = mentionText,
                ["type"] = "mention",
            });
        }

        return activity;
    }

    /// <summary>A reaction added to (or removed from) <paramref name="messageId"/>.</summary>
    public static JsonObject Reaction(Uri serviceUrl, string messageId, string type, string userId, bool added = true, string? root = null)
    {
        var activity = Fixture(added ? "activity_messageReaction_reactionsAdded.json" : "activity_messageReaction_reactionsRemoved.json");
        InChannel(activity, serviceUrl, root ?? messageId);
        activity["id"] = "f:" + Guid.NewGuid().ToString("N")[..8];
        activity["from"] = new JsonObject { ["id"] = userId, ["aadObjectId"] = Guid.NewGuid().ToString() };
        activity["replyToId"] = messageId;
        activity[added ? "reactionsAdded" : "reactionsRemoved"] = new JsonArray(new JsonObject { ["type"] = type });
        return activity;
    }

    /// <summary>An edit of <paramref name="messageId"/> (<c>messageUpdate</c> / <c>editMessage</c>), moved into the channel.</summary>
    public static JsonObject Edit(Uri serviceUrl, string messageId, string newText, DateTimeOffset at, string? root = null)
    {
        var activity = Fixture("activity_messageUpdate_editMessage.json");
        InChannel(activity, serviceUrl, root ?? messageId);
        activity["id"] = messageId;
        activity["text"] = newText;
        activity["timestamp"] = at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        return activity;
    }

    /// <summary>A soft delete (<c>messageDelete</c> / <c>softDeleteMessage</c>) or its undo (<c>messageUpdate</c> / <c>undeleteMessage</c>).</summary>
    public static JsonObject Deletion(Uri serviceUrl, string messageId, DateTimeOffset at, bool undelete = false, string? root = null)
    {
        var activity = Fixture(undelete ? "activity_messageUpdate_undeleteMessage.json" : "activity_messageDelete_softDeleteMessage.json");
        InChannel(activity, serviceUrl, root ?? messageId);
        activity["id"] = messageId;
        activity["timestamp"] = at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        return activity;
    }

    /// <summary>
    /// The message action's <c>composeExtension/fetchTask</c> invoke, from the published channel-thread fixture, for
    /// <paramref name="messageId"/>.
    /// </summary>
    public static JsonObject FetchTask(Uri serviceUrl, string messageId, string messageText, (string Id, string Name) author, DateTimeOffset created)
    {
        var activity = Fixture("invoke_composeExtension_fetchTask_message_action_channel_thread.json");
        InChannel(activity, serviceUrl, messageId);
        activity["value"]!["commandId"] = "addToTimeline";
        var payload = activity["value"]!["messagePayload"]!;
        payload["id"] = messageId;
        payload["replyToId"] = null;
        payload["createdDateTime"] = created.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        payload["from"] = new JsonObject { ["user"] = new JsonObject { ["id"] = author.Id, ["displayName"] = author.Name } };
        payload["body"] = new JsonObject { ["contentType"] = "html", ["content"] = "<p>" + System.Net.WebUtility.HtmlEncode(messageText) + "</p>" };
        payload["linkToMessage"] = $"https://teams.microsoft.com/l/message/{Uri.EscapeDataString(ChannelId)}/{messageId}";
        return activity;
    }

    /// <summary>
    /// The <c>composeExtension/submitAction</c> that follows <see cref="FetchTask"/>: the same envelope and message
    /// payload (Microsoft publishes this invoke only elided), with the dialog's answers in <c>value.data</c>.
    /// </summary>
    public static JsonObject SubmitAction(
        Uri serviceUrl, string messageId, string messageText, (string Id, string Name) author, DateTimeOffset created, string kind, string? note,
        (string Id, string Name) submitter)
    {
        var activity = FetchTask(serviceUrl, messageId, messageText, author, created);
        activity["name"] = "composeExtension/submitAction";
        activity["from"] = new JsonObject { ["id"] = submitter.Id, ["name"] = submitter.Name, ["aadObjectId"] = Guid.NewGuid().ToString() };
        activity["value"]!["data"] = new JsonObject { ["kind"] = kind, ["note"] = note };
        return activity;
    }

    /// <summary>
    /// People added to our team channel (<c>conversationUpdate</c> with <c>membersAdded</c>, event type
    /// <c>teamMemberAdded</c>), from the BotBuilder sample; the conversation is the channel itself, not a thread.
    /// </summary>
    public static JsonObject MembersAdded(Uri serviceUrl, string activityId, params string[] memberIds)
    {
        var activity = Fixture("activity_conversationUpdate_teamMemberAdded_botbuilder_teams_sample.json");
        InChannel(activity, serviceUrl, activityId);
        activity["id"] = activityId;
        activity["conversation"]!["id"] = ChannelId;
        activity["membersAdded"] = new JsonArray([.. memberIds.Select(id => (JsonNode)new JsonObject { ["id"] = id })]);
        return activity;
    }

    public static JsonObject Fixture(string name) => JsonNode.Parse(Fixtures.Teams.Text(name))!.AsObject();

    /// <summary>Puts a fixture into our team channel and tenant, with our bot as recipient.</summary>
    private static void InChannel(JsonObject activity, Uri serviceUrl, string root)
    {
        activity["serviceUrl"] = serviceUrl.AbsoluteUri;
        activity.Remove("serviceURL");
        activity["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = BotName };
        activity["conversation"] = new JsonObject
        {
            ["isGroup"] = true,
            ["conversationType"] = "channel",
            ["tenantId"] = Tenant,
            ["id"] = $"{ChannelId};messageid={root}",
        };
        activity["channelData"] = new JsonObject
        {
            ["teamsChannelId"] = ChannelId,
            ["teamsTeamId"] = TeamId,
            ["channel"] = new JsonObject { ["id"] = ChannelId },
            ["team"] = new JsonObject { ["id"] = TeamId },
            ["tenant"] = new JsonObject { ["id"] = Tenant },
            ["eventType"] = activity["channelData"]?["eventType"]?.DeepClone(),
        };
        if (activity["channelData"]!["eventType"] is null)
        {
            activity["channelData"]!.AsObject().Remove("eventType");
        }
    }
}
