using System.Text.Json;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Storage;

namespace ScribeBot.Core.Paging;

/// <summary>
/// The page a <c>Declare: false</c> route announced in a channel, kept so that a <c>/incident start</c> there within
/// <see cref="LinkWindow"/> links it (detection and clocks from the page). One per channel: the latest page wins.
/// </summary>
public sealed class PendingPages(IAdapterStateStore state, TimeProvider timeProvider)
{
    public static readonly TimeSpan LinkWindow = TimeSpan.FromHours(1);

    public Task NoteAsync(ChannelRef channel, PageLink page, CancellationToken cancellationToken) =>
        state.SetStateAsync(KeyOf(channel), JsonSerializer.Serialize(new Pending(page, timeProvider.GetUtcNow())), cancellationToken);

    /// <summary>The page noted in the channel within the last hour, if any.</summary>
    public async Task<PageLink?> FindAsync(ChannelRef channel, CancellationToken cancellationToken)
    {
        var json = await state.GetStateAsync(KeyOf(channel), cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        var pending = JsonSerializer.Deserialize<Pending>(json);
        return pending is not null && timeProvider.GetUtcNow() - pending.NotedAt <= LinkWindow ? pending.Page : null;
    }

    /// <summary>The page was linked: a later start in the channel must not link it again.</summary>
    public Task ClearAsync(ChannelRef channel, CancellationToken cancellationToken) =>
        state.SetStateAsync(KeyOf(channel), "", cancellationToken);

    private static string KeyOf(ChannelRef channel) => $"pages/pending/{channel.Key}";

    private sealed record Pending(PageLink Page, DateTimeOffset NotedAt);
}
