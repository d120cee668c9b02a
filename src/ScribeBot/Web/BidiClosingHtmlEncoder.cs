using System.Text.Encodings.Web;
using ScribeBot.Core.Text;

namespace ScribeBot.Web;

/// <summary>
/// The encoder Razor writes every <c>@value</c> with: <see cref="HtmlEncoder.Default"/>, plus the closers of any
/// direction override the value leaves open (<see cref="BidiText.Closers(string)"/>), so a title typed with U+202E cannot
/// turn the rest of a line of the page around. Everything else is the default encoder's.
/// </summary>
internal sealed class BidiClosingHtmlEncoder : HtmlEncoder
{
    private readonly HtmlEncoder _inner = Default;

    public override int MaxOutputCharactersPerInputCharacter => _inner.MaxOutputCharactersPerInputCharacter;

    public override string Encode(string value) => _inner.Encode(value) + BidiText.Closers(value);

    public override void Encode(TextWriter output, string value, int startIndex, int characterCount)
    {
        _inner.Encode(output, value, startIndex, characterCount);
        output.Write(BidiText.Closers(value.AsSpan(startIndex, characterCount)));
    }

    public override void Encode(TextWriter output, char[] value, int startIndex, int characterCount)
    {
        _inner.Encode(output, value, startIndex, characterCount);
        output.Write(BidiText.Closers(value.AsSpan(startIndex, characterCount)));
    }

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength) =>
        _inner.FindFirstCharacterToEncode(text, textLength);

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten) =>
        _inner.TryEncodeUnicodeScalar(unicodeScalar, buffer, bufferLength, out numberOfCharactersWritten);

    public override bool WillEncode(int unicodeScalar) => _inner.WillEncode(unicodeScalar);
}
