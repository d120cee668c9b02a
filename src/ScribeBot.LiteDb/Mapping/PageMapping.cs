using LiteDB;
using ScribeBot.Core.Paging;

namespace ScribeBot.LiteDb.Mapping;

/// <summary>The page an incident's clocks run from, as a sub-document of the incident.</summary>
internal static class PageMapping
{
    public static BsonDocument ToDocument(PageLink page)
    {
        var doc = new BsonDocument
        {
            ["source"] = page.Source.ToString(),
            ["alertId"] = page.AlertId,
            ["title"] = page.Title,
        };
        BsonFields.SetInstant(doc, "triggeredAt", "triggeredOffset", page.TriggeredAt);
        BsonFields.SetOptional(doc, "service", page.Service);
        BsonFields.SetOptional(doc, "url", page.Url);
        return doc;
    }

    public static PageLink FromDocument(BsonDocument doc) => new(
        BsonFields.GetEnum<PageSource>(doc, "source"),
        doc["alertId"].AsString,
        BsonFields.GetInstant(doc, "triggeredAt", "triggeredOffset"),
        doc["title"].AsString,
        BsonFields.GetOptionalString(doc, "service"),
        BsonFields.GetOptionalString(doc, "url"));
}
