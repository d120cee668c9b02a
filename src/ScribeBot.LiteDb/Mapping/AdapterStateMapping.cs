using System.Security.Cryptography;
using System.Text;
using LiteDB;

namespace ScribeBot.LiteDb.Mapping;

/// <summary>
/// Adapter state records. LiteDB compares string ids ignoring case and refuses ids over 1023 bytes, while adapter keys
/// are ordinal and of any length, so <c>_id</c> is the lowercase hex SHA-256 of the key's UTF-8 bytes and the key
/// itself is kept in <c>key</c>: a record counts only when its key matches exactly.
/// </summary>
internal static class AdapterStateMapping
{
    public const string Collection = "adapterState";
    public const string KeyField = "key";
    public const string ValueField = "value";

    public static string IdOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static BsonDocument ToDocument(string key, string value) => new()
    {
        ["_id"] = IdOf(key),
        [KeyField] = key,
        [ValueField] = value,
    };

    public static string KeyOf(BsonDocument doc) => doc[KeyField].AsString;

    /// <summary>The value stored for <paramref name="key"/>, or null when there is no record or it is another key's.</summary>
    public static string? ValueOf(BsonDocument? doc, string key) =>
        doc is not null && KeyOf(doc) == key ? doc[ValueField].AsString : null;
}
