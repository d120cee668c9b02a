using LiteDB;
using ScribeBot.Core.Channels;

namespace ScribeBot.LiteDb.Mapping;

/// <summary>
/// Value mappings shared by the entity mappings. Instants are stored as UTC ticks (Int64, sortable and indexable)
/// plus the offset in minutes when it is not zero, so a <see cref="DateTimeOffset"/> comes back exactly as given.
/// Optional values are left out of the document rather than stored as null.
/// </summary>
internal static class BsonFields
{
    public static void SetInstant(BsonDocument doc, string ticksField, string offsetField, DateTimeOffset value)
    {
        doc[ticksField] = value.UtcTicks;
        var offsetMinutes = (int)value.Offset.TotalMinutes;
        if (offsetMinutes != 0)
        {
            doc[offsetField] = offsetMinutes;
        }
    }

    public static DateTimeOffset GetInstant(BsonDocument doc, string ticksField, string offsetField)
    {
        var utc = new DateTimeOffset(doc[ticksField].AsInt64, TimeSpan.Zero);
        return doc.TryGetValue(offsetField, out var offset) ? utc.ToOffset(TimeSpan.FromMinutes(offset.AsInt32)) : utc;
    }

    public static void SetOptional(BsonDocument doc, string field, string? value)
    {
        if (value is not null)
        {
            doc[field] = value;
        }
    }

    public static string? GetOptionalString(BsonDocument doc, string field) =>
        doc.TryGetValue(field, out var value) && !value.IsNull ? value.AsString : null;

    public static BsonDocument ToDocument(Person person) => new()
    {
        ["id"] = person.Id,
        ["name"] = person.DisplayName,
    };

    public static Person ToPerson(BsonValue value) => new(value["id"].AsString, value["name"].AsString);

    public static TEnum GetEnum<TEnum>(BsonDocument doc, string field)
        where TEnum : struct, Enum => Enum.Parse<TEnum>(doc[field].AsString);
}
