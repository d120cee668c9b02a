using ScribeBot.Core.Channels;

namespace ScribeBot.Web.Sandbox;

/// <summary>
/// What the sandbox channels show: people's messages, ScribeBot's posts and private replies, reactions. Kept in memory
/// only, bounded by lines and by bytes (the last <see cref="MaxItemsPerChannel"/> lines, at most
/// <see cref="MaxBytesPerChannel"/>, of the <see cref="MaxChannels"/> most recently active channels, at most
/// <see cref="MaxBytes"/> in all): the record that matters, the incident and its timeline, is in the store, and a
/// restart starts with empty feeds (docs/decisions.md, "Sandbox"). Every change gives the channel a new
/// <see cref="SandboxFeedSnapshot.Version"/>, so a reader can ask "anything new?" cheaply and wait for a change.
/// </summary>
internal sealed class SandboxFeed
{
    public const int MaxItemsPerChannel = 1000;
    public const int MaxChannels = 100;

    /// <summary>
    /// A channel's lines by <see cref="SandboxFeedItem.EstimatedBytes"/>: a hundred messages of the longest kind, or a
    /// thousand ordinary lines and a few drafts. The line count alone let one channel of long messages hold 20 MB. Past
    /// it the oldest lines go; the newest line always stays, however big, or a large draft would never show.
    /// </summary>
    public const long MaxBytesPerChannel = 2 * 1024 * 1024;

    /// <summary>
    /// All channels together: sixteen full channels, so the sandbox's memory stays tens of megabytes however many
    /// people type in however many channels. Past it the quietest channels go, as past <see cref="MaxChannels"/>.
    /// </summary>
    public const long MaxBytes = 32 * 1024 * 1024;

    private readonly Lock _lock = new();
    private readonly Dictionary<ChannelRef, ChannelFeed> _channels = [];

    // Seeded from the clock, so a version seen before a restart is not mistaken for one after it.
    private long _version;

    public SandboxFeed(TimeProvider time)
    {
        _version = time.GetUtcNow().UtcTicks;
    }

    /// <summary>The lines <paramref name="viewer"/> may see (everyone's and their own private ones), oldest first.</summary>
    public SandboxFeedSnapshot Read(ChannelRef channel, string? viewer)
    {
        lock (_lock)
        {
            return _channels.TryGetValue(channel, out var feed)
                ? new SandboxFeedSnapshot(feed.Version, feed.VisibleTo(viewer))
                : new SandboxFeedSnapshot(0, []);
        }
    }

    public SandboxFeedItem? Find(ChannelRef channel, string id)
    {
        lock (_lock)
        {
            return _channels.TryGetValue(channel, out var feed) && feed.IndexOf(id) is var index and >= 0 ? feed.At(index) : null;
        }
    }

    /// <summary>Appends a line; false (and no change) when a line with its id is already there, e.g. a post delivered twice.</summary>
    public bool Add(ChannelRef channel, SandboxFeedItem item)
    {
        lock (_lock)
        {
            var feed = FeedOf(channel);
            if (feed.IndexOf(item.Id) >= 0)
            {
                return false;
            }

            feed.Append(item);
            Trim(feed);
            Changed(feed);
            return true;
        }
    }

    /// <summary>Replaces a line by its id; false when it is not (or no longer) in the feed.</summary>
    public bool Update(ChannelRef channel, string id, Func<SandboxFeedItem, SandboxFeedItem> change)
    {
        lock (_lock)
        {
            if (!_channels.TryGetValue(channel, out var feed))
            {
                return false;
            }

            var index = feed.IndexOf(id);
            if (index < 0)
            {
                return false;
            }

            feed.Replace(index, change(feed.At(index)));
            Trim(feed);
            Changed(feed);
            return true;
        }
    }

    public void Remove(ChannelRef channel, string id)
    {
        lock (_lock)
        {
            if (_channels.TryGetValue(channel, out var feed) && feed.Remove(id))
            {
                Changed(feed);
            }
        }
    }

    /// <summary>Completes once the channel's version is not <paramref name="seenVersion"/> (at once if it already is not).</summary>
    public async Task WaitForChangeAsync(ChannelRef channel, long seenVersion, CancellationToken cancellationToken)
    {
        Task changed;
        lock (_lock)
        {
            var feed = FeedOf(channel);
            if (feed.Version != seenVersion)
            {
                return;
            }

            changed = feed.NextChange.Task;
        }

        await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private ChannelFeed FeedOf(ChannelRef channel)
    {
        if (!_channels.TryGetValue(channel, out var feed))
        {
            if (_channels.Count >= MaxChannels)
            {
                DropQuietestBut(null);
            }

            feed = new ChannelFeed();
            _channels[channel] = feed;
        }

        return feed;
    }

    /// <summary>Brings <paramref name="changed"/> within the per-channel limits and all channels within <see cref="MaxBytes"/>.</summary>
    private void Trim(ChannelFeed changed)
    {
        while (changed.Count > 1 && (changed.Count > MaxItemsPerChannel || changed.Bytes > MaxBytesPerChannel))
        {
            changed.RemoveOldest();
        }

        while (_channels.Count > 1 && _channels.Values.Sum(feed => feed.Bytes) > MaxBytes)
        {
            DropQuietestBut(changed);
        }
    }

    private void DropQuietestBut(ChannelFeed? keep)
    {
        _channels.Remove(_channels.Where(pair => pair.Value != keep).MinBy(pair => pair.Value.Version).Key);
    }

    private void Changed(ChannelFeed feed)
    {
        feed.Version = ++_version;
        var waiting = feed.NextChange;
        feed.NextChange = NewSignal();
        waiting.SetResult();
    }

    // Continuations run elsewhere, never inside the lock.
    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class ChannelFeed
    {
        private readonly List<SandboxFeedItem> _items = [];

        public int Count => _items.Count;

        /// <summary>The sum of the lines' <see cref="SandboxFeedItem.EstimatedBytes"/>.</summary>
        public long Bytes { get; private set; }

        public void Append(SandboxFeedItem item)
        {
            _items.Add(item);
            Bytes += item.EstimatedBytes;
        }

        public void Replace(int index, SandboxFeedItem item)
        {
            Bytes += item.EstimatedBytes - _items[index].EstimatedBytes;
            _items[index] = item;
        }

        public bool Remove(string id)
        {
            var index = IndexOf(id);
            if (index < 0)
            {
                return false;
            }

            Bytes -= _items[index].EstimatedBytes;
            _items.RemoveAt(index);
            return true;
        }

        public void RemoveOldest()
        {
            Bytes -= _items[0].EstimatedBytes;
            _items.RemoveAt(0);
        }

        public int IndexOf(string id) => _items.FindIndex(item => item.Id == id);

        public SandboxFeedItem At(int index) => _items[index];

        public SandboxFeedItem[] VisibleTo(string? viewer) => _items.Where(item => item.IsVisibleTo(viewer)).ToArray();

        public long Version { get; set; }

        public TaskCompletionSource NextChange { get; set; } = NewSignal();
    }
}

/// <summary>A channel's feed as one reader sees it, and the version it was read at.</summary>
internal sealed record SandboxFeedSnapshot(long Version, IReadOnlyList<SandboxFeedItem> Items);
