using ScribeBot.Pictures.Fonts;
using SkiaSharp;
using Svg.Skia.TypefaceProviders;

namespace ScribeBot.Pictures.Png;

/// <summary>
/// Answers every font family the SVG asks for (<c>system-ui, sans-serif</c>) with the bundled DejaVu Sans, so Svg.Skia
/// never falls back to a font of the machine. The drawn text is the chart's own words (times, kinds, phase names), all
/// in DejaVu's repertoire, so no glyph falls back either.
/// </summary>
internal sealed class BundledTypefaceProvider : ITypefaceProvider
{
    public static readonly BundledTypefaceProvider Instance = new();

    public SKTypeface FromFamilyName(string fontFamily, SKFontStyleWeight fontWeight, SKFontStyleWidth fontWidth, SKFontStyleSlant fontStyle) =>
        BundledFont.For(fontWeight);
}
