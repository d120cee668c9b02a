namespace ScribeBot.Testing;

/// <summary>
/// An xunit fixture or test class that owns one thing its tests use (a server, a host): it is started before the tests
/// (<see cref="StartAsync"/>, then <see cref="StartedAsync"/> to seed it), and disposed after them if it started.
/// </summary>
/// <typeparam name="T">What is started.</typeparam>
public abstract class StartedBeforeTests<T> : IAsyncLifetime
    where T : class, IAsyncDisposable
{
    private readonly string _notStarted;
    private T? _started;

    /// <param name="notStarted">The message of the error that using it before it has started throws.</param>
    protected StartedBeforeTests(string notStarted)
    {
        _notStarted = notStarted;
    }

    /// <summary>What <see cref="StartAsync"/> started; throws before that.</summary>
    protected T Started => _started ?? throw new InvalidOperationException(_notStarted);

    public async Task InitializeAsync()
    {
        _started = await StartAsync();
        await StartedAsync(_started);
    }

    public async Task DisposeAsync()
    {
        if (_started is not null)
        {
            await _started.DisposeAsync();
        }
    }

    protected abstract Task<T> StartAsync();

    /// <summary>Runs once <paramref name="started"/> is up, before the first test: seeding, for instance.</summary>
    protected virtual Task StartedAsync(T started) => Task.CompletedTask;
}
