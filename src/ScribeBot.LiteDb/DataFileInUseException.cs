namespace ScribeBot.LiteDb;

/// <summary>
/// Another process holds the data file. Thrown when the store opens, so the host stops at start instead of
/// sharing the file (two writers on one LiteDB file corrupt it).
/// </summary>
public sealed class DataFileInUseException : IOException
{
    public DataFileInUseException(string dataFile, string lockFile, int? holderProcessId, Exception innerException)
        : base(Describe(dataFile, lockFile, holderProcessId), innerException)
    {
        DataFile = dataFile;
        HolderProcessId = holderProcessId;
    }

    public string DataFile { get; }

    /// <summary>The pid the holder wrote into the lock file; null when it could not be read.</summary>
    public int? HolderProcessId { get; }

    private static string Describe(string dataFile, string lockFile, int? holder) =>
        $"The data file {dataFile} is in use by another process ({(holder is { } pid ? $"pid {pid}" : "pid unknown")}, " +
        $"which holds {lockFile}). One data file serves one ScribeBot process: stop the other one, or set " +
        "Storage:LiteDb:Path to another file.";
}
