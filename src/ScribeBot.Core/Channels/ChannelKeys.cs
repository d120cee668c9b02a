using ScribeBot.Core.Text;

namespace ScribeBot.Core.Channels;

/// <summary>Reads a <see cref="ChannelRef.Key"/> written in configuration (<c>slack:T0123:C0456</c>) back into a channel.</summary>
public static class ChannelKeys
{
    /// <summary>
    /// Splits at the first two colons only: a Teams conversation id has colons of its own
    /// (<c>teams:tenant:19:abc@thread.tacv2</c>).
    /// </summary>
    public static bool TryParse(string? key, out ChannelRef channel)
    {
        channel = null!;
        var parts = key?.Trim().Split(':', 3);
        if (parts is not { Length: 3 } || parts[1].Length == 0 || parts[2].Length == 0)
        {
            return false;
        }

        if (!EnumNames.TryParse<ChatPlatform>(parts[0], p => p.ToName(), out var known))
        {
            return false;
        }

        channel = new ChannelRef(known, parts[1], parts[2]);
        return true;
    }
}
