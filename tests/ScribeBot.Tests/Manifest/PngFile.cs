using System.Buffers.Binary;

namespace ScribeBot.Tests.Manifest;

/// <summary>
/// Just enough PNG to check the Teams icons: the IHDR (size, bit depth, colour type) and, for 8-bit RGB or RGBA
/// without interlacing, the pixels (IDAT inflated, the five row filters undone). No imaging package is needed for
/// two icons; a file this cannot read fails the test with the reason rather than being guessed at.
/// </summary>
internal sealed class PngFile
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly Header _header;
    private readonly byte[] _pixels;
    private readonly int _channels;

    private PngFile(Header header, byte[] pixels, int channels)
    {
        _header = header;
        _pixels = pixels;
        _channels = channels;
    }

    public int Width => _header.Width;

    public int Height => _header.Height;

    public int BitDepth => _header.BitDepth;

    /// <summary>2 = RGB, 6 = RGBA (the only two this reads pixels of).</summary>
    public int ColorType => _header.ColorType;

    public (byte R, byte G, byte B, byte A) Pixel(int x, int y)
    {
        var i = ((y * Width) + x) * _channels;
        return (_pixels[i], _pixels[i + 1], _pixels[i + 2], _channels == 4 ? _pixels[i + 3] : (byte)255);
    }

    public IEnumerable<(int X, int Y, byte R, byte G, byte B, byte A)> Pixels()
    {
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var (r, g, b, a) = Pixel(x, y);
                yield return (x, y, r, g, b, a);
            }
        }
    }

    public static PngFile Read(string path) => Parse(File.ReadAllBytes(path));

    public static PngFile Parse(byte[] bytes)
    {
        if (bytes.Length < 8 || !bytes.AsSpan(0, 8).SequenceEqual(Signature))
        {
            throw new FormatException("Not a PNG file (signature).");
        }

        Header header = default;
        using var compressed = new MemoryStream();
        var offset = 8;
        var first = true;
        while (offset + 8 <= bytes.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(offset));
            var type = System.Text.Encoding.ASCII.GetString(bytes, offset + 4, 4);
            var data = bytes.AsSpan(offset + 8, length);
            if (first && type != "IHDR")
            {
                throw new FormatException("The first chunk is not IHDR.");
            }

            first = false;
            switch (type)
            {
                case "IHDR":
                    header = Header.Read(data);
                    break;
                case "IDAT":
                    compressed.Write(data);
                    break;
            }

            offset += 12 + length;
            if (type == "IEND")
            {
                break;
            }
        }

        var channels = header.ColorType switch
        {
            2 => 3,
            6 => 4,
            _ => 0,
        };
        if (channels == 0 || header.BitDepth != 8 || header.Interlace != 0)
        {
            // Size is still known: return it with no pixels, so a size check reads well and a pixel check fails.
            return new PngFile(header, [], channels);
        }

        compressed.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        return new PngFile(header, Unfilter(inflated.ToArray(), header.Width, header.Height, channels), channels);
    }

    private static byte[] Unfilter(byte[] raw, int width, int height, int bpp)
    {
        var stride = width * bpp;
        if (raw.Length < height * (stride + 1))
        {
            throw new FormatException("Image data is shorter than the IHDR says.");
        }

        var pixels = new byte[height * stride];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var source = raw.AsSpan((y * (stride + 1)) + 1, stride);
            var row = pixels.AsSpan(y * stride, stride);
            var previous = y == 0 ? new byte[stride] : pixels.AsSpan((y - 1) * stride, stride);
            for (var i = 0; i < stride; i++)
            {
                int left = i >= bpp ? row[i - bpp] : 0, up = previous[i], upLeft = i >= bpp ? previous[i - bpp] : 0;
                row[i] = (byte)(source[i] + filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new FormatException($"Unknown PNG row filter {filter}."),
                });
            }
        }

        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    /// <summary>The IHDR chunk's fields this reads: size, bit depth, colour type and interlace method.</summary>
    private readonly record struct Header(int Width, int Height, int BitDepth, int ColorType, int Interlace)
    {
        public static Header Read(ReadOnlySpan<byte> ihdr) => new(
            BinaryPrimitives.ReadInt32BigEndian(ihdr), BinaryPrimitives.ReadInt32BigEndian(ihdr[4..]), ihdr[8], ihdr[9], ihdr[12]);
    }
}
