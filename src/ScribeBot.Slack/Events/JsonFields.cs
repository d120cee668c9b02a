using System.Text.Json;

namespace ScribeBot.Slack.Events;

/// <summary>
/// Reads Slack's JSON without trusting its shape: a field of the wrong kind counts as missing, so a reader can answer
/// "malformed" instead of throwing.
/// </summary>
internal static class JsonFields
{
    /// <summary>Payloads are shallow; a deeper document is an attack on the parser, not a Slack request.</summary>
    public static readonly JsonDocumentOptions Options = new() { MaxDepth = 32 };

    public static string? String(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && TryGet(element, name, out var value) && value.ValueKind == JsonValueKind.String
            ? Decode(value)
            : null;

    /// <summary>
    /// A string value's text. JsonDocument checks a string's bytes only when it is read, so invalid UTF-8 or an escaped
    /// lone surrogate surfaces here as InvalidOperationException; it is a malformed payload, a JsonException.
    /// </summary>
    public static string Decode(JsonElement value)
    {
        try
        {
            return value.GetString() ?? "";
        }
        catch (InvalidOperationException exception) when (value.ValueKind == JsonValueKind.String)
        {
            throw new JsonException("a string is not valid UTF-8 or UTF-16", exception);
        }
    }

    /// <summary>
    /// TryGetProperty unescapes the names it compares, so a name with an escaped lone surrogate throws
    /// InvalidOperationException there too.
    /// </summary>
    private static bool TryGet(JsonElement element, string name, out JsonElement value)
    {
        try
        {
            return element.TryGetProperty(name, out value);
        }
        catch (InvalidOperationException exception)
        {
            throw new JsonException("a property name is not valid UTF-8 or UTF-16", exception);
        }
    }

    /// <summary>A property's name, with the same check as <see cref="Decode"/>.</summary>
    public static string Name(JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException exception)
        {
            throw new JsonException("a property name is not valid UTF-8 or UTF-16", exception);
        }
    }

    /// <summary>A non-empty string field, else null.</summary>
    public static string? Text(this JsonElement element, string name) => element.String(name) is { Length: > 0 } text ? text : null;

    public static JsonElement? Object(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && TryGet(element, name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : null;

    public static JsonElement? Array(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && TryGet(element, name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value
            : null;

    public static int? Int(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && TryGet(element, name, out var value) && value.ValueKind == JsonValueKind.Number
            && value.TryGetInt32(out var number)
            ? number
            : null;

    /// <summary>True only for a JSON <c>true</c>: a missing field, <c>false</c> or a field of another kind is false.</summary>
    public static bool IsTrue(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && TryGet(element, name, out var value) && value.ValueKind == JsonValueKind.True;

    /// <summary>True when the field is there but is neither a string nor null: a sign of a forged or broken payload.</summary>
    public static bool HasNonString(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && TryGet(element, name, out var value)
        && value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null);
}
