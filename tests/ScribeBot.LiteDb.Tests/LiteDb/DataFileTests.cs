namespace ScribeBot.LiteDb.Tests.LiteDb;

/// <summary>
/// Tests that write data files. xUnit makes one instance per test, so each test gets a fresh temp directory, deleted
/// with the instance.
/// </summary>
public abstract class DataFileTests : IDisposable
{
    protected static readonly CancellationToken None = CancellationToken.None;

    protected TempDirectory Temp { get; } = new();

    /// <summary>The test's one data file: a test that reopens the store (or opens the file raw) names the same file.</summary>
    protected string StorePath => Temp.File("store.db");

    private protected LiteDbIncidentStore OpenStore() => StoreFactory.Open(StorePath);

    public void Dispose()
    {
        Temp.Dispose();
        GC.SuppressFinalize(this);
    }
}
