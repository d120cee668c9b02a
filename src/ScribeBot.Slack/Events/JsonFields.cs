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
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>A non-empty string field, else null.</summary>
    public static string? Text(this JsonElement element, string name) => element.String(name) is { Length: > 0 } text ? text : null;

    public static JsonElement? Object(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : null;

    public static JsonElement? Array(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value
            : null;

    public static int? Int(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            && value.TryGetInt32(out var number)
            ? number
            : null;

    /// <summary>True when the field is there but is neither a string nor null: a sign of a forged or broken payload.</summary>
    public static bool HasNonString(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
        && value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null);
}
