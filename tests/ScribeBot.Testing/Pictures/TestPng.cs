using System.IO.Compression;

namespace ScribeBot.Testing.Pictures;

/// <summary>
/// Real, valid PNG files for tests, written by hand (signature, IHDR, one zlib IDAT, IEND, each chunk with its CRC):
/// any decoder reads them, and their size in pixels is what their header says. <see cref="TwoByTwo"/> is the small
/// constant; <see cref="Solid"/> makes one of any size, e.g. wider than a platform allows.
/// </summary>
public static class TestPng
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>A 2x2 RGB PNG: red, green / blue, white.</summary>
    public static byte[] TwoByTwo { get; } = Encode(2, 2, (x, y) => (x, y) switch
    {
        (0, 0) => (0xFF, 0x00, 0x00),
        (1, 0) => (0x00, 0xFF, 0x00),
        (0, 1) => (0x00, 0x00, 0xFF),
        _ => (0xFF, 0xFF, 0xFF),
    });

    /// <summary>A one-colour RGB PNG of <paramref name="width"/> by <paramref name="height"/> pixels.</summary>
    public static byte[] Solid(int width, int height) => Encode(width, height, (_, _) => (0x2C, 0x2D, 0x30));

    /// <summary>Whether <paramref name="bytes"/> start with the PNG signature.</summary>
    public static bool IsPng(ReadOnlySpan<byte> bytes) => bytes.StartsWith(Signature);

    private static byte[] Encode(int width, int height, Func<int, int, (int R, int G, int B)> pixel)
    {
        using var png = new MemoryStream();
        png.Write(Signature);
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bits per channel
        header[9] = 2; // truecolour; compression, filter and interlace stay 0
        Chunk(png, "IHDR", header);

        using var raw = new MemoryStream();
        using (var zlib = new ZLibStream(raw, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var row = new byte[1 + (3 * width)];
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    var (r, g, b) = pixel(x, y);
                    row[1 + (3 * x)] = (byte)r;
                    row[2 + (3 * x)] = (byte)g;
                    row[3 + (3 * x)] = (byte)b;
                }

                zlib.Write(row); // filter byte 0 (none) leads each row
            }
        }

        Chunk(png, "IDAT", raw.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(number, Crc(typed));
        png.Write(number);
    }

    private static uint Crc(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
