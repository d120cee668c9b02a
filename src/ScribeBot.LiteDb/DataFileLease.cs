using System.Collections.Concurrent;

namespace ScribeBot.LiteDb;

/// <summary>
/// One open <c>LiteDatabase</c> per data file per process (STYLE.md). LiteDB does not stop a second instance from
/// opening a file that is still being closed - its final checkpoint still writing - and the second one then reads torn
/// pages. A host stopped and started again in one process (tests do this; so does a host whose shutdown outlasts its
/// stop timeout) therefore waits here until the previous instance has closed the file.
/// </summary>
internal sealed class DataFileLease : IDisposable
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Leases = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _lease;
    private int _released;

    private DataFileLease(SemaphoreSlim lease) => _lease = lease;

    public static DataFileLease Acquire(string fullPath, TimeSpan timeout)
    {
        var lease = Leases.GetOrAdd(fullPath, static _ => new SemaphoreSlim(1, 1));
        if (!lease.Wait(timeout))
        {
            throw new IOException($"The data file {fullPath} is still open in this process after {timeout.TotalSeconds:0} s.");
        }

        return new DataFileLease(lease);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            _lease.Release();
        }
    }
}
