namespace ScribeBot.Tests.Hostile;

/// <summary>The malformed and oversized bodies both hostile corpora send.</summary>
internal static class HostileBodies
{
    /// <summary>Over the hosts' 1 MiB request limit.</summary>
    public const int OverLimit = (1024 * 1024) + 4096;

    /// <summary>10,000 levels of arrays: a recursive reader without a depth limit overflows its stack on this.</summary>
    public static byte[] DeeplyNested(string prefix = "", string suffix = "") =>
        Encoding.UTF8.GetBytes(prefix + new string('[', 10_000) + new string(']', 10_000) + suffix);

    /// <summary>A JSON document with bytes that are no UTF-8 (a lone continuation byte, an overlong '/', 0xFF) in a string.</summary>
    public static byte[] InvalidUtf8(string before, string after) =>
        [.. Encoding.UTF8.GetBytes(before), 0x80, 0xC0, 0xAF, 0xFF, 0xFE, .. Encoding.UTF8.GetBytes(after)];

    /// <summary>Odd Unicode that is valid text: RTL override, zero-width joiners and spaces, a BOM, combining marks.</summary>
    public const string OddUnicode = "\u202Eevil\u202C \u200B\u200C\u200D\u2060\uFEFF e\u0301\u0301\u0301 \U0001F525 \u0000";

    /// <summary>Not readable as UTF-16: JSON escapes for lone surrogates, which decoders must reject or replace.</summary>
    public const string LoneSurrogatesEscaped = "\\ud800 \\udfff \\udc00\\ud800";

    public static string Long(int length) => string.Concat(Enumerable.Repeat("x\u05D0\u200D", (length / 3) + 1))[..length];

    public static byte[] Over1MiB(byte fill = (byte)'a') => Enumerable.Repeat(fill, OverLimit).ToArray();

    /// <summary>Content with no known length: HttpClient sends it chunked, with no Content-Length header.</summary>
    public static HttpContent Chunked(byte[] body) => new ChunkedContent(body);

    private sealed class ChunkedContent(byte[] body) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            for (var offset = 0; offset < body.Length; offset += 16 * 1024)
            {
                await stream.WriteAsync(body.AsMemory(offset, Math.Min(16 * 1024, body.Length - offset)), cancellationToken);
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
