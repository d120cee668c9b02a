using SkiaSharp;

namespace ScribeBot.Pictures.Fonts;

/// <summary>
/// How wide a label is in the bundled font, so the layout keeps labels apart and inside the frame by measure rather
/// than by a guessed width per character. Unhinted, linear advances: the width scales exactly with the size, at 1x and 2x.
/// Browsers drawing the dashboard's SVG with their own sans-serif get labels no wider than this (DejaVu is a wide face).
/// </summary>
internal static class TextWidth
{
    public static double Of(string text, double size, bool bold = false)
    {
        using var font = new SKFont(bold ? BundledFont.Bold : BundledFont.Regular, (float)size)
        {
            Hinting = SKFontHinting.None,
            LinearMetrics = true,
            Subpixel = true,
        };
        return font.MeasureText(text);
    }
}
