namespace ScribeBot.Testing;

/// <summary>
/// Mutates a published payload from a seeded <see cref="Random"/>, one to three steps each time: cut the rest off,
/// overwrite a byte, or insert one of the hostile <paramref name="fragments"/> (lone surrogates, invalid UTF-8, JSON
/// punctuation...), so that a reader can be shown to answer every mutant without throwing.
/// </summary>
public sealed class ByteMutator(IReadOnlyList<byte[]> fragments)
{
    public byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        for (var step = random.Next(1, 4); step > 0 && bytes.Count > 0; step--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(4))
            {
                case 0:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 1:
                    bytes[at] = (byte)random.Next(256);
                    break;
                default:
                    bytes.InsertRange(at, fragments[random.Next(fragments.Count)]);
                    break;
            }
        }

        return [.. bytes];
    }
}
