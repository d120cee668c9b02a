namespace ScribeBot.Testing.Storage;

/// <summary>
/// A contract suite over one implementation of a port: before each test, the implementation's test class creates a
/// fresh instance (<see cref="CreateAsync"/>), and gets it back to dispose of after the test.
/// </summary>
public abstract class PortContract<TPort> : IAsyncLifetime
    where TPort : class
{
    private TPort? _subject;

    protected static CancellationToken None => CancellationToken.None;

    protected TPort Subject => _subject ?? throw new InvalidOperationException("Not initialised.");

    protected abstract Task<TPort> CreateAsync();

    protected abstract Task DisposeAsync(TPort subject);

    public async Task InitializeAsync() => _subject = await CreateAsync();

    public async Task DisposeAsync()
    {
        if (_subject is not null)
        {
            await DisposeAsync(_subject);
        }
    }
}
