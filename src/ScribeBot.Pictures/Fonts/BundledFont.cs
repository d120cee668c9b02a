using SkiaSharp;

namespace ScribeBot.Pictures.Fonts;

/// <summary>
/// DejaVu Sans, regular and bold, loaded once from this assembly's resources. Every text of the picture is measured
/// and drawn with it, so the layout and the pixels are the same on a server with no fonts and on a laptop with many.
/// </summary>
internal static class BundledFont
{
    public const string Family = "DejaVu Sans";

    private static readonly Lazy<SKTypeface> RegularFace = new(() => Load("DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> BoldFace = new(() => Load("DejaVuSans-Bold.ttf"));

    public static SKTypeface Regular => RegularFace.Value;

    public static SKTypeface Bold => BoldFace.Value;

    /// <summary>Bold from semi-bold (600) up, as a browser picks a face for <c>font-weight</c>.</summary>
    public static SKTypeface For(SKFontStyleWeight weight) => weight >= SKFontStyleWeight.SemiBold ? Bold : Regular;

    private static SKTypeface Load(string file)
    {
        var name = $"{typeof(BundledFont).Namespace}.{file}";
        using var stream = typeof(BundledFont).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font {name} is not embedded in {typeof(BundledFont).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        // SKData copies the bytes into native memory, so the typeface outlives the managed stream.
        using var data = SKData.CreateCopy(copy.ToArray());
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException($"The font {name} could not be read.");
    }
}
