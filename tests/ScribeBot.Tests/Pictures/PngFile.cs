using SkiaSharp;

namespace ScribeBot.Tests.Pictures;

/// <summary>Reads a PNG as the tests need it: decoded pixels, and the names of its chunks.</summary>
internal static class PngFile
{
    public static SKBitmap Decode(byte[] png) => SKBitmap.Decode(png) ?? throw new InvalidOperationException("not a PNG Skia can decode");

    /// <summary>The chunk types in file order (<c>IHDR</c>, <c>IDAT</c>..., <c>IEND</c>).</summary>
    public static List<string> Chunks(byte[] png)
    {
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        var chunks = new List<string>();
        for (var at = 8; at + 8 <= png.Length;)
        {
            var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at, 4));
            chunks.Add(Encoding.ASCII.GetString(png, at + 4, 4));
            at += 12 + length;
        }

        return chunks;
    }

    /// <summary>How many pixels of <paramref name="colour"/> (within a little anti-aliasing) lie in the rectangle.</summary>
    public static int Count(SKBitmap bitmap, string colour, int left, int top, int right, int bottom)
    {
        var wanted = SKColor.Parse(colour);
        var count = 0;
        for (var y = Math.Max(0, top); y < Math.Min(bottom, bitmap.Height); y++)
        {
            for (var x = Math.Max(0, left); x < Math.Min(right, bitmap.Width); x++)
            {
                var pixel = bitmap.GetPixel(x, y);
                if (Math.Abs(pixel.Red - wanted.Red) <= 8 && Math.Abs(pixel.Green - wanted.Green) <= 8 && Math.Abs(pixel.Blue - wanted.Blue) <= 8)
                {
                    count++;
                }
            }
        }

        return count;
    }
}
