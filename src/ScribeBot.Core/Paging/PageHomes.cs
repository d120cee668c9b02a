using ScribeBot.Core.Channels;
using ScribeBot.Core.Storage;

namespace ScribeBot.Core.Paging;

/// <summary>
/// The channel each recorded page went to, so its later events follow it there whatever they carry: a PagerDuty
/// note names only its incident (no service, no labels to route on), and a route edited since must not split a page's
/// life over two channels. One small record per page, kept like the adapters' state.
/// </summary>
public sealed class PageHomes(IAdapterStateStore state)
{
    public async Task<ChannelRef?> FindAsync(string pageKey, CancellationToken cancellationToken) =>
        ChannelKeys.TryParse(await state.GetStateAsync(KeyOf(pageKey), cancellationToken).ConfigureAwait(false), out var channel)
            ? channel
            : null;

    public Task NoteAsync(string pageKey, ChannelRef channel, CancellationToken cancellationToken) =>
        state.SetStateAsync(KeyOf(pageKey), channel.Key, cancellationToken);

    private static string KeyOf(string pageKey) => $"pages/home/{pageKey}";
}
