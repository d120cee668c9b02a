using System.Text;

namespace ScribeBot.Slack.Text;

/// <summary>
/// Reads an <c>application/x-www-form-urlencoded</c> body: <c>+</c> is a space, <c>%XX</c> a UTF-8 byte. A broken
/// escape stays as typed rather than failing the whole body. The first of a repeated name wins.
/// </summary>
internal static class FormBody
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The fields, or null when the body or a decoded field is not UTF-8 (raw bytes, or escapes such as
    /// <c>%ED%A0%80</c>, an encoded surrogate): Slack never sends such a form, and decoding it leniently would store
    /// replacement characters or the escapes themselves as if someone had typed them.
    /// </summary>
    public static IReadOnlyDictionary<string, string>? Parse(ReadOnlySpan<byte> body)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        string text;
        try
        {
            text = Strict.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        foreach (var pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Decode(pair[(equals + 1)..]);
            if (name is null || value is null)
            {
                return null;
            }

            fields.TryAdd(name, value);
        }

        return fields;
    }

    private static string? Decode(string part)
    {
        if (part.AsSpan().IndexOfAny('%', '+') < 0)
        {
            return part;
        }

        var bytes = new List<byte>(part.Length);
        Span<byte> scratch = stackalloc byte[4];
        for (var i = 0; i < part.Length; i++)
        {
            var c = part[i];
            if (c == '+')
            {
                bytes.Add((byte)' ');
            }
            else if (c == '%' && i + 2 < part.Length && IsHex(part[i + 1]) && IsHex(part[i + 2]))
            {
                bytes.Add((byte)((HexValue(part[i + 1]) << 4) | HexValue(part[i + 2])));
                i += 2;
            }
            else if (char.IsSurrogatePair(part, i))
            {
                var written = Strict.GetBytes(part.AsSpan(i, 2), scratch);
                bytes.AddRange(scratch[..written]);
                i++;
            }
            else
            {
                var written = Strict.GetBytes(part.AsSpan(i, 1), scratch);
                bytes.AddRange(scratch[..written]);
            }
        }

        try
        {
            return Strict.GetString([.. bytes]);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
