using LiteDB;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Commands;
using ScribeBot.Core.Outbox;
using ScribeBot.Core.Text;

namespace ScribeBot.LiteDb.Mapping;

/// <summary>
/// Hand-written <see cref="OutboxItem"/> &lt;-&gt; document mapping. The post is stored by kind with its text as styled
/// runs, so an announcement survives a restart exactly as written; <c>seq</c> is the enqueue order, which orders each
/// channel's queue.
/// </summary>
internal static class OutboxMapping
{
    public const string Collection = "outbox";
    public const string StateField = "state";
    public const string SequenceField = "seq";
    public const string ChannelKeyField = "channelKey";

    /// <summary>The platform while the item is pending, absent after: the dispatcher reads only its platforms' pending items.</summary>
    public const string PendingPlatformField = "pendingPlatform";

    /// <summary>The incident the post is about; a purge of the incident removes its posts by it.</summary>
    public const string IncidentIdField = "incidentId";

    /// <summary>UTC ticks of the delivery, present once delivered: retention finds expired posts by it.</summary>
    public const string DeliveredAtField = "deliveredAt";

    /// <summary>UTC ticks of the abandonment, present once abandoned: retention finds expired posts by it.</summary>
    public const string AbandonedAtField = "abandonedAt";

    private const string Announcement = "announcement";
    private const string Timeline = "timeline";
    private const string Postmortem = "postmortem";
    private const string Private = "private";
    private const string Followups = "followups";

    public static BsonDocument ToDocument(OutboxItem item, long sequence)
    {
        var doc = new BsonDocument
        {
            ["_id"] = item.Id,
            [SequenceField] = sequence,
            ["platform"] = item.Channel.Platform.ToString(),
            ["workspace"] = item.Channel.Workspace,
            ["channel"] = item.Channel.Channel,
            [ChannelKeyField] = item.Channel.Key,
            ["post"] = ToDocument(item.Post),
            ["attempts"] = item.Attempts,
            [StateField] = item.State.ToString(),
        };
        if (item.State == OutboxState.Pending)
        {
            doc[PendingPlatformField] = item.Channel.Platform.ToString();
        }

        BsonFields.SetOptional(doc, IncidentIdField, item.IncidentId);
        BsonFields.SetInstant(doc, "enqueuedAt", "enqueuedOffset", item.EnqueuedAt);
        BsonFields.SetInstant(doc, "nextAttemptAt", "nextAttemptOffset", item.NextAttemptAt);
        BsonFields.SetOptional(doc, "lastError", item.LastError);
        if (item.DeliveredAt is { } delivered)
        {
            BsonFields.SetInstant(doc, DeliveredAtField, "deliveredOffset", delivered);
        }

        if (item.AbandonedAt is { } abandoned)
        {
            BsonFields.SetInstant(doc, AbandonedAtField, "abandonedOffset", abandoned);
        }

        return doc;
    }

    public static OutboxItem FromDocument(BsonDocument doc)
    {
        var channel = new ChannelRef(
            BsonFields.GetEnum<ChatPlatform>(doc, "platform"), doc["workspace"].AsString, doc["channel"].AsString);
        return new OutboxItem
        {
            Id = doc["_id"].AsString,
            Post = ToPost(channel, doc["post"].AsDocument),
            IncidentId = BsonFields.GetOptionalString(doc, IncidentIdField),
            EnqueuedAt = BsonFields.GetInstant(doc, "enqueuedAt", "enqueuedOffset"),
            Attempts = doc["attempts"].AsInt32,
            NextAttemptAt = BsonFields.GetInstant(doc, "nextAttemptAt", "nextAttemptOffset"),
            LastError = BsonFields.GetOptionalString(doc, "lastError"),
            State = BsonFields.GetEnum<OutboxState>(doc, StateField),
            DeliveredAt = doc.ContainsKey(DeliveredAtField) ? BsonFields.GetInstant(doc, DeliveredAtField, "deliveredOffset") : null,
            AbandonedAt = doc.ContainsKey(AbandonedAtField) ? BsonFields.GetInstant(doc, AbandonedAtField, "abandonedOffset") : null,
        };
    }

    public static long SequenceOf(BsonDocument doc) => doc[SequenceField].AsInt64;

    public static string IdOf(BsonDocument doc) => doc["_id"].AsString;

    public static OutboxState StateOf(BsonDocument doc) => BsonFields.GetEnum<OutboxState>(doc, StateField);

    public static DateTimeOffset NextAttemptOf(BsonDocument doc) => BsonFields.GetInstant(doc, "nextAttemptAt", "nextAttemptOffset");

    public static ChatPlatform PlatformOf(BsonDocument doc) => BsonFields.GetEnum<ChatPlatform>(doc, "platform");

    private static BsonDocument ToDocument(ChannelPost post) => post switch
    {
        AnnouncementPost announcement => new BsonDocument
        {
            ["kind"] = Announcement,
            ["runs"] = new BsonArray(announcement.Text.Runs.Select(ToDocument)),
        },
        PrivatePost notice => new BsonDocument
        {
            ["kind"] = Private,
            ["recipientId"] = notice.Recipient.Id,
            ["recipientName"] = notice.Recipient.DisplayName,
            ["runs"] = new BsonArray(notice.Text.Runs.Select(ToDocument)),
        },
        TimelinePost timeline => new BsonDocument { ["kind"] = Timeline, ["incidentId"] = timeline.IncidentId },
        PostmortemPost postmortem => new BsonDocument { ["kind"] = Postmortem, ["incidentId"] = postmortem.IncidentId },
        FollowupsPost followups => new BsonDocument
        {
            ["kind"] = Followups,
            ["incidentId"] = followups.IncidentId,
            ["recipientId"] = followups.Requester.Id,
            ["recipientName"] = followups.Requester.DisplayName,
        },
        _ => throw new InvalidOperationException($"No outbox mapping for {post.GetType().Name}."),
    };

    private static ChannelPost ToPost(ChannelRef channel, BsonDocument doc) => doc["kind"].AsString switch
    {
        Announcement => new AnnouncementPost(channel, new ChatText(doc["runs"].AsArray.Select(r => ToRun(r.AsDocument)).ToArray())),
        Private => new PrivatePost(
            channel,
            new Person(doc["recipientId"].AsString, doc["recipientName"].AsString),
            new ChatText(doc["runs"].AsArray.Select(r => ToRun(r.AsDocument)).ToArray())),
        Timeline => new TimelinePost(channel, doc["incidentId"].AsString),
        Postmortem => new PostmortemPost(channel, doc["incidentId"].AsString),
        Followups => new FollowupsPost(channel, doc["incidentId"].AsString, new Person(doc["recipientId"].AsString, doc["recipientName"].AsString)),
        var kind => throw new InvalidOperationException($"Unknown outbox post kind '{kind}'."),
    };

    private static BsonDocument ToDocument(TextRun run)
    {
        var doc = new BsonDocument { ["text"] = run.Text, ["style"] = run.Style.ToString() };
        BsonFields.SetOptional(doc, "url", run.Url);
        return doc;
    }

    private static TextRun ToRun(BsonDocument doc) =>
        new(doc["text"].AsString, BsonFields.GetEnum<RunStyle>(doc, "style"), BsonFields.GetOptionalString(doc, "url"));
}
