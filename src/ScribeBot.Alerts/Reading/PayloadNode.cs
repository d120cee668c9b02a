using System.Globalization;
using System.Text.Json;

namespace ScribeBot.Alerts.Reading;

/// <summary>
/// A JSON value and where it sits (<c>event.data.id</c>), so a missing or mistyped field is reported by its path.
/// The body itself has the empty path. Required fields throw <see cref="PayloadException"/> when absent or of another type; optional ones read as null
/// then, since a vendor adding or reshaping a field we only use for colour must not cost the page.
/// </summary>
internal readonly record struct PayloadNode(JsonElement Element, string Path)
{
    public PayloadNode Object(string name) =>
        Optional(name, JsonValueKind.Object) ?? throw Missing(name, "an object");

    public PayloadNode? OptionalObject(string name) => Optional(name, JsonValueKind.Object);

    public IEnumerable<PayloadNode> Array(string name) =>
        Items(Optional(name, JsonValueKind.Array) ?? throw Missing(name, "an array"));

    public IEnumerable<PayloadNode> OptionalArray(string name) =>
        Optional(name, JsonValueKind.Array) is { } array ? Items(array) : [];

    /// <summary>The strings of an array that are not blank; other items are skipped.</summary>
    public IEnumerable<string> OptionalStrings(string name) =>
        OptionalArray(name)
            .Select(item => item.Element.ValueKind == JsonValueKind.String ? item.Element.GetString() : null)
            .Where(item => !string.IsNullOrWhiteSpace(item))
            .Select(item => item!);

    /// <summary>A string that is there and not blank.</summary>
    public string String(string name) =>
        OptionalString(name) is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value) ? value : throw Missing(name, "a string");

    public string? OptionalString(string name) => Optional(name, JsonValueKind.String)?.Element.GetString();

    /// <summary>A string or a number, as text (Opsgenie sends a priority either way).</summary>
    public string? OptionalScalar(string name) =>
        OptionalString(name) ?? Optional(name, JsonValueKind.Number)?.Element.GetRawText();

    public long? OptionalInteger(string name) =>
        Optional(name, JsonValueKind.Number) is { } number && number.Element.TryGetInt64(out var value) ? value : null;

    /// <summary>An RFC 3339 instant, in UTC.</summary>
    public DateTimeOffset Instant(string name) =>
        OptionalInstant(name) ?? throw Missing(name, "an RFC 3339 time");

    public DateTimeOffset? OptionalInstant(string name) =>
        DateTimeOffset.TryParse(OptionalString(name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value.ToUniversalTime()
            : null;

    /// <summary>The members of an object whose values are strings; any other member is a malformed payload.</summary>
    public IEnumerable<KeyValuePair<string, string>> StringMembers() => Element.ValueKind == JsonValueKind.Object
        ? Members()
        : throw new PayloadException($"{Path} is not an object");

    private IEnumerable<KeyValuePair<string, string>> Members()
    {
        foreach (var member in Element.EnumerateObject())
        {
            yield return member.Value.ValueKind == JsonValueKind.String
                ? KeyValuePair.Create(member.Name, member.Value.GetString()!)
                : throw new PayloadException($"{Child(member.Name)} is not a string");
        }
    }

    private PayloadNode? Optional(string name, JsonValueKind kind) =>
        Element.ValueKind == JsonValueKind.Object && Element.TryGetProperty(name, out var value) && value.ValueKind == kind ? new PayloadNode(value, Child(name)) : null;

    private static IEnumerable<PayloadNode> Items(PayloadNode array)
    {
        var index = 0;
        foreach (var item in array.Element.EnumerateArray())
        {
            yield return new PayloadNode(item, $"{array.Path}[{index++}]");
        }
    }

    private PayloadException Missing(string name, string what) => new($"{Child(name)} is missing or not {what}");

    private string Child(string name) => Path.Length == 0 ? name : $"{Path}.{name}";
}
