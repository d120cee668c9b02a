using System.Security.Cryptography;
using System.Text;
using LiteDB;

namespace ScribeBot.LiteDb.Mapping;

/// <summary>
/// Adapter state records. LiteDB compares string ids ignoring case and refuses ids over 1023 bytes, while adapter keys
/// are ordinal and of any length, so <c>_id</c> is the lowercase hex SHA-256 of the key's UTF-8 bytes and the key
/// itself is kept in <c>key</c>: a record counts only when its key matches exactly. A record that an outbox item owns
/// names it in <c>owner</c> (indexed), so the item's removal takes the record with it.
/// </summary>
internal static class AdapterStateMapping
{
    public const string Collection = "adapterState";
    public const string KeyField = "key";
    public const string ValueField = "value";
    public const string OwnerField = "owner";

    public static string IdOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static BsonDocument ToDocument(string key, string value, string? owner)
    {
        var doc = new BsonDocument
        {
            ["_id"] = IdOf(key),
            [KeyField] = key,
            [ValueField] = value,
        };
        BsonFields.SetOptional(doc, OwnerField, owner);
        return doc;
    }

    public static string KeyOf(BsonDocument doc) => doc[KeyField].AsString;

    /// <summary>The outbox item that owns the record, or null.</summary>
    public static string? OwnerOf(BsonDocument doc) => BsonFields.GetOptionalString(doc, OwnerField);

    /// <summary>The value stored for <paramref name="key"/>, or null when there is no record or it is another key's.</summary>
    public static string? ValueOf(BsonDocument? doc, string key) =>
        doc is not null && KeyOf(doc) == key ? doc[ValueField].AsString : null;
}
