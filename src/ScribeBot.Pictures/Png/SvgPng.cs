using SkiaSharp;
using Svg.Skia;
using Svg.Skia.TypefaceProviders;

namespace ScribeBot.Pictures.Png;

/// <summary>
/// Draws an SVG of a known size into a PNG, with Svg.Skia and the bundled font. Deterministic: a fixed pixel format,
/// a white background, fixed encoder settings, and no chunk but the image's own (Skia writes no time, text or gamma
/// chunks), so the same SVG at the same scale gives the same bytes on this build of Skia.
/// </summary>
internal static class SvgPng
{
    /// <param name="svg">The SVG document.</param>
    /// <param name="width">Its width in user units: one pixel each at scale 1.</param>
    /// <param name="height">Its height in user units.</param>
    /// <param name="scale">Pixels per user unit: 2 for sharp screens, same layout.</param>
    public static byte[] Render(string svg, int width, int height, int scale)
    {
        using var document = new SKSvg();
        document.Settings.TypefaceProviders = new List<ITypefaceProvider> { BundledTypefaceProvider.Instance };
        var picture = document.FromSvg(svg) ?? throw new InvalidOperationException("The SVG could not be read.");

        var info = new SKImageInfo(width * scale, height * scale, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var bitmap = new SKBitmap(info);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            canvas.Scale(scale);
            canvas.DrawPicture(picture);
            canvas.Flush();
        }

        using var pixels = bitmap.PeekPixels();
        using var png = pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, zLibLevel: 9))
            ?? throw new InvalidOperationException("Skia could not encode the PNG.");
        return png.ToArray();
    }
}
