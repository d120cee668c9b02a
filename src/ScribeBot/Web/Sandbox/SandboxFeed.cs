using ScribeBot.Core.Channels;

namespace ScribeBot.Web.Sandbox;

/// <summary>
/// What the sandbox channels show: people's messages, ScribeBot's posts and private replies, reactions. Kept in memory
/// only, bounded (the last <see cref="MaxItemsPerChannel"/> lines of the <see cref="MaxChannels"/> most recently active
/// channels): the record that matters, the incident and its timeline, is in the store, and a restart starts with empty
/// feeds (docs/decisions.md, "Sandbox"). Every change gives the channel a new <see cref="SandboxFeedSnapshot.Version"/>,
/// so a reader can ask "anything new?" cheaply and wait for a change.
/// </summary>
internal sealed class SandboxFeed
{
    public const int MaxItemsPerChannel = 1000;
    public const int MaxChannels = 100;

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
                ? new SandboxFeedSnapshot(feed.Version, feed.Items.Where(item => item.IsVisibleTo(viewer)).ToArray())
                : new SandboxFeedSnapshot(0, []);
        }
    }

    public SandboxFeedItem? Find(ChannelRef channel, string id)
    {
        lock (_lock)
        {
            return _channels.TryGetValue(channel, out var feed) ? feed.Items.Find(item => item.Id == id) : null;
        }
    }

    /// <summary>Appends a line; false (and no change) when a line with its id is already there, e.g. a post delivered twice.</summary>
    public bool Add(ChannelRef channel, SandboxFeedItem item)
    {
        lock (_lock)
        {
            var feed = FeedOf(channel);
            if (feed.Items.Exists(existing => existing.Id == item.Id))
            {
                return false;
            }

            feed.Items.Add(item);
            if (feed.Items.Count > MaxItemsPerChannel)
            {
                feed.Items.RemoveRange(0, feed.Items.Count - MaxItemsPerChannel);
            }

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

            var index = feed.Items.FindIndex(item => item.Id == id);
            if (index < 0)
            {
                return false;
            }

            feed.Items[index] = change(feed.Items[index]);
            Changed(feed);
            return true;
        }
    }

    public void Remove(ChannelRef channel, string id)
    {
        lock (_lock)
        {
            if (_channels.TryGetValue(channel, out var feed) && feed.Items.RemoveAll(item => item.Id == id) > 0)
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
                var quietest = _channels.MinBy(pair => pair.Value.Version).Key;
                _channels.Remove(quietest);
            }

            feed = new ChannelFeed();
            _channels[channel] = feed;
        }

        return feed;
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
        public List<SandboxFeedItem> Items { get; } = [];

        public long Version { get; set; }

        public TaskCompletionSource NextChange { get; set; } = NewSignal();
    }
}

/// <summary>A channel's feed as one reader sees it, and the version it was read at.</summary>
internal sealed record SandboxFeedSnapshot(long Version, IReadOnlyList<SandboxFeedItem> Items);
