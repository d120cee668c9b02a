using System.Collections.Concurrent;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
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
    private readonly ConcurrentDictionary<string, string> _lastSaved = new(StringComparer.Ordinal);

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
        _lastSaved[key] = json;
    }

    public async Task<ConversationReference?> FindAsync(ChannelRef channel, CancellationToken cancellationToken)
    {
        var json = await store.GetStateAsync(KeyOf(channel), cancellationToken).ConfigureAwait(false);
        return json is null ? null : JsonConvert.DeserializeObject<ConversationReference>(json);
    }
}
