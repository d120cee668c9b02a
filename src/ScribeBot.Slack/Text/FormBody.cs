using System.Text;

namespace ScribeBot.Slack.Text;

/// <summary>
/// Reads an <c>application/x-www-form-urlencoded</c> body: <c>+</c> is a space, <c>%XX</c> a UTF-8 byte. A broken
/// escape stays as typed rather than failing the whole body. The first of a repeated name wins.
/// </summary>
internal static class FormBody
{
    public static IReadOnlyDictionary<string, string> Parse(ReadOnlySpan<byte> body)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var text = Encoding.UTF8.GetString(body);
        foreach (var pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Decode(pair[(equals + 1)..]);
            fields.TryAdd(name, value);
        }

        return fields;
    }

    private static string Decode(string part) => Uri.UnescapeDataString(part.Replace('+', ' '));
}
