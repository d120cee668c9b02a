namespace ScribeBot.LiteDb.Tests.LiteDb;

/// <summary>
/// Tests that write data files. xUnit makes one instance per test, so each test gets a fresh temp directory, deleted
/// with the instance.
/// </summary>
public abstract class DataFileTests : IDisposable
{
    protected static readonly CancellationToken None = CancellationToken.None;

    protected TempDirectory Temp { get; } = new();

    public void Dispose()
    {
        Temp.Dispose();
        GC.SuppressFinalize(this);
    }
}
