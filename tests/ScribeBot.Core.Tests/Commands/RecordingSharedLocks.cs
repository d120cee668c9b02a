using ScribeBot.Core.Storage;

namespace ScribeBot.Core.Tests.Commands;

/// <summary>A store's shared channel locks that records what it was asked, or is out of reach.</summary>
internal sealed class RecordingSharedLocks : ISharedChannelLocks
{
    public List<string> Calls { get; } = [];

    public bool Unavailable { get; init; }

    public Task<IAsyncDisposable> AcquireAsync(string channelKey, CancellationToken cancellationToken)
    {
        if (Unavailable)
        {
            throw new StoreUnavailableException("PostgreSQL at db:5432/scribebot is unavailable");
        }

        Calls.Add($"acquire {channelKey}");
        return Task.FromResult<IAsyncDisposable>(new Release(() => Calls.Add($"release {channelKey}")));
    }

    private sealed class Release(Action release) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            release();
            return ValueTask.CompletedTask;
        }
    }
}
