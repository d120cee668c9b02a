using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScribeBot.Postgres.Documents;

/// <summary>
/// Writes every string of a stored document with U+0000 replaced by U+FFFD. PostgreSQL refuses a NUL character in
/// <c>jsonb</c> (error 22P05), so a chat message carrying one would be refused on every retry and never recorded;
/// the replacement character keeps the message, marked where the unstorable character was.
/// </summary>
internal sealed class NulFreeStringConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString();

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Contains('\0', StringComparison.Ordinal) ? value.Replace('\0', '\uFFFD') : value);
}
