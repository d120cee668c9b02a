using LiteDB;
using ScribeBot.Core.Timeline;

namespace ScribeBot.LiteDb.Mapping;

/// <summary>
/// Hand-written <see cref="TimelineEntry"/> &lt;-&gt; document mapping. The key is <c>{incidentId}/{messageId}</c>, so the
/// primary key itself makes redelivery idempotent; <c>seq</c> is the arrival order, the tie-break for equal instants.
/// </summary>
internal static class TimelineEntryMapping
{
    public const string Collection = "entries";
    public const string IncidentIdField = "incidentId";
    public const string AtField = "at";
    public const string SequenceField = "seq";

    public static string KeyOf(string incidentId, string messageId) => $"{incidentId}/{messageId}";

    public static BsonDocument ToDocument(TimelineEntry entry, long sequence)
    {
        var doc = new BsonDocument
        {
            ["_id"] = KeyOf(entry.IncidentId, entry.MessageId),
            [IncidentIdField] = entry.IncidentId,
            ["messageId"] = entry.MessageId,
            [SequenceField] = sequence,
            ["author"] = BsonFields.ToDocument(entry.Author),
            ["text"] = entry.Text,
            ["source"] = entry.Source.ToString(),
            ["marks"] = new BsonArray(entry.Marks.Select(m => new BsonDocument
            {
                ["tag"] = m.Tag.ToString(),
                ["by"] = m.ByUserId,
            })),
            ["edits"] = new BsonArray(entry.Edits.Select(ToDocument)),
            ["deleted"] = entry.Deleted,
        };
        BsonFields.SetInstant(doc, AtField, "offset", entry.At);
        BsonFields.SetOptional(doc, "threadId", entry.ThreadId);
        BsonFields.SetOptional(doc, "permalink", entry.Permalink);
        return doc;
    }

    public static TimelineEntry FromDocument(BsonDocument doc) => new()
    {
        IncidentId = doc[IncidentIdField].AsString,
        MessageId = doc["messageId"].AsString,
        ThreadId = BsonFields.GetOptionalString(doc, "threadId"),
        At = BsonFields.GetInstant(doc, AtField, "offset"),
        Author = BsonFields.ToPerson(doc["author"]),
        Text = doc["text"].AsString,
        Permalink = BsonFields.GetOptionalString(doc, "permalink"),
        Source = BsonFields.GetEnum<EntrySource>(doc, "source"),
        Marks = doc["marks"].AsArray
            .Select(m => new TagMark(Enum.Parse<TimelineTag>(m["tag"].AsString), m["by"].AsString))
            .ToArray(),
        Edits = doc["edits"].AsArray.Select(e => FromEditDocument(e.AsDocument)).ToArray(),
        Deleted = doc["deleted"].AsBoolean,
    };

    public static long SequenceOf(BsonDocument doc) => doc[SequenceField].AsInt64;

    /// <summary>True when the stored entry carries a tag; read without mapping the whole entry.</summary>
    public static bool IsTagged(BsonDocument doc) => doc.TryGetValue("marks", out var marks) && marks.IsArray && marks.AsArray.Count > 0;

    private static BsonDocument ToDocument(TextRevision revision)
    {
        var doc = new BsonDocument { ["text"] = revision.Text };
        BsonFields.SetInstant(doc, "replacedAt", "offset", revision.ReplacedAt);
        return doc;
    }

    private static TextRevision FromEditDocument(BsonDocument doc) =>
        new(doc["text"].AsString, BsonFields.GetInstant(doc, "replacedAt", "offset"));
}
