namespace ScribeBot.LiteDb.Writing;

/// <summary>
/// fsyncs LiteDB's write-ahead log after a commit. LiteDB 5.0.21 writes a commit's pages to the log file with plain
/// writes before Commit returns (so they survive a process crash) but never flushes the log to the device; only a
/// checkpoint flushes the data file. fsync works on the file, not on the handle, so our own handle is enough.
/// </summary>
internal sealed class LogFileSync : ILogSync
{
    private readonly string _logPath;
    private FileStream? _handle;

    public LogFileSync(string dataFilePath)
    {
        // LiteDB names its log "<name>-log<ext>" beside the data file.
        var directory = Path.GetDirectoryName(dataFilePath) ?? "";
        _logPath = Path.Combine(
            directory, Path.GetFileNameWithoutExtension(dataFilePath) + "-log" + Path.GetExtension(dataFilePath));
    }

    public void Flush()
    {
        if (_handle is null)
        {
            if (!File.Exists(_logPath))
            {
                return;
            }

            _handle = new FileStream(
                _logPath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        }

        _handle.Flush(flushToDisk: true);
    }

    public void Reopen() => Dispose();

    /// <summary>LiteDB deletes the log when it closes; let go of it first.</summary>
    public void Dispose()
    {
        _handle?.Dispose();
        _handle = null;
    }
}
