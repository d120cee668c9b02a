using System.Text;

namespace ScribeBot.Replay;

/// <summary>
/// Reads a transcript file's text. UTF-8 is the format (README); a UTF-8 byte-order mark is skipped, and UTF-16 with
/// its byte-order mark is read too, because that is what Windows PowerShell's <c>&gt;</c> and Notepad's "Unicode"
/// write. Anything else that is not UTF-8 (UTF-16 without a mark, UTF-32, Latin-1) is refused with a sentence saying
/// so, rather than handed to the JSON reader, whose "'0x00' is an invalid start of a value" names no cause.
/// </summary>
internal static class TranscriptFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<string> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        return Decode(bytes);
    }

    internal static string Decode(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return bytes switch
            {
                [0xFF, 0xFE, 0x00, 0x00, ..] or [0x00, 0x00, 0xFE, 0xFF, ..] => throw new TranscriptFormatException(
                    "the file is UTF-32 text; save it as UTF-8."),
                [0xEF, 0xBB, 0xBF, ..] => StrictUtf8.GetString(bytes[3..]),
                [0xFF, 0xFE, ..] => new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true).GetString(bytes[2..]),
                [0xFE, 0xFF, ..] => new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true).GetString(bytes[2..]),
                // JSON text starts with ASCII ('{', a space): a zero byte among the first two is UTF-16 (or UTF-32) without its mark.
                [0x00, ..] or [_, 0x00, ..] => throw new TranscriptFormatException(
                    "the file looks like UTF-16 text without a byte-order mark; save it as UTF-8 (or as UTF-16 with its byte-order mark)."),
                _ => StrictUtf8.GetString(bytes),
            };
        }
        catch (DecoderFallbackException)
        {
            throw new TranscriptFormatException("the file is not UTF-8 text (it holds bytes that are not valid UTF-8); save it as UTF-8.");
        }
    }
}
