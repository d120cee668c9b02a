namespace ScribeBot.Tests.Hosting;

/// <summary>
/// Tests that run the built host as a child process on a data file of their own. xunit makes one instance per test, so
/// each test gets a fresh temp directory, deleted with the instance.
/// </summary>
public abstract class HostDataFileTest : IDisposable
{
    protected TempDirectory Temp { get; } = new();

    /// <summary>The test's data file, in <see cref="Temp"/>; the host creates it when it starts.</summary>
    protected string DataFile => Temp.File("scribebot.db");

    /// <summary>Starts the host as an operator does, on <see cref="DataFile"/> and <paramref name="url"/>.</summary>
    private protected HostProcess StartHost(IReadOnlyDictionary<string, string>? environment = null, string url = "http://127.0.0.1:0") =>
        HostProcess.StartOnDataFile(DataFile, environment, url);

    public void Dispose()
    {
        Temp.Dispose();
        GC.SuppressFinalize(this);
    }
}
