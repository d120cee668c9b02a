using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using ScribeBot.Core.Caching;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Storage;

namespace ScribeBot.Teams.Conversations;

/// <summary>
/// Where the bot posts for a channel when it is not answering a turn: the conversation reference (service URL, the
/// thread the last command was typed in, the bot's and tenant's ids) of that command, stored durably before the
/// command runs. The outbox delivers a channel's posts with it, so a retry after an outage or a restart posts to the
/// same thread as the command that caused it.
/// </summary>
internal sealed class ConversationAddresses(IAdapterStateStore store)
{
    /// <summary>
    /// How many channels' last stored references are remembered to skip rewriting them. The channel comes from the
    /// activity, so this is capped; a forgotten channel costs one write of its reference. Well above the channels one
    /// bot holds incidents in at once, and at about a kilobyte a reference, a few megabytes at most.
    /// </summary>
    internal const int MaxRemembered = 4_096;

    private readonly BoundedCache<string, string> _lastSaved = new(MaxRemembered, StringComparer.Ordinal);

    internal int RememberedCount => _lastSaved.Count;

    public static string KeyOf(ChannelRef channel) => $"teams:conversation:{channel.Key}";

    /// <summary>Stores the reference unless it is the one stored last (most commands come from the same thread).</summary>
    public async Task RememberAsync(ChannelRef channel, ConversationReference reference, CancellationToken cancellationToken)
    {
        var key = KeyOf(channel);
        var json = JsonConvert.SerializeObject(reference, Formatting.None);
        if (_lastSaved.TryGetValue(key, out var saved) && saved == json)
        {
            return;
        }

        await store.SetStateAsync(key, json, cancellationToken).ConfigureAwait(false);
        _lastSaved.Set(key, json);
    }

    public async Task<ConversationReference?> FindAsync(ChannelRef channel, CancellationToken cancellationToken)
    {
        var json = await store.GetStateAsync(KeyOf(channel), cancellationToken).ConfigureAwait(false);
        return json is null ? null : JsonConvert.DeserializeObject<ConversationReference>(json);
    }
}
