using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace ScribeBot.LiteDb;

/// <summary>
/// Keeps a second process off the data file for as long as this one has it open. LiteDB 5.0.21 opens its file with
/// <c>FileShare.Read</c>, which on Linux is a shared advisory lock two writers can both hold, so two hosts on one file
/// both started, both reported Healthy and corrupted it.
/// <para>
/// The lock is an OS byte-range lock on <c>&lt;datafile&gt;.lock</c>, not the file's existence: the OS drops it when
/// the process dies, however it dies, so a lock file left by a crash never blocks a restart. The holder writes its
/// pid at the start of the file; the locked byte lies past it, and the file is opened shareable, so a process that
/// is refused can still read who holds it (on Windows a locked range cannot even be read).
/// </para>
/// <para>
/// On Linux .NET takes a POSIX record lock (<c>F_SETLK</c>), which belongs to the process, not the handle: a second
/// lock from this process would succeed, and closing any handle to the file in this process would drop the lock. So
/// no other code may open the lock file, and a second acquisition in this process is refused here before it touches
/// the file (a store that waits for a previous one of this process to close does so in <see cref="DataFileLease"/>).
/// </para>
/// </summary>
internal sealed class DataFileLock : IDisposable
{
    private const long LockedByte = 4096;
    private static readonly ConcurrentDictionary<string, bool> HeldHere = new(StringComparer.Ordinal);
    private readonly string _dataFile;
    private readonly FileStream _file;
    private int _released;

    private DataFileLock(string dataFile, FileStream file)
    {
        _dataFile = dataFile;
        _file = file;
    }

    public static string LockFileOf(string dataFile) => dataFile + ".lock";

    /// <exception cref="DataFileInUseException">Another process (or another open in this one) holds the file.</exception>
    public static DataFileLock Acquire(string dataFile)
    {
        var lockFile = LockFileOf(dataFile);
        if (!HeldHere.TryAdd(dataFile, true))
        {
            throw new DataFileInUseException(dataFile, lockFile, Environment.ProcessId, new IOException("Held by this process."));
        }

        try
        {
            return new DataFileLock(dataFile, Open(dataFile, lockFile));
        }
        catch
        {
            HeldHere.TryRemove(dataFile, out _);
            throw;
        }
    }

    /// <summary>Lets go of the lock; the file stays (its existence means nothing).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            _file.Dispose();
            HeldHere.TryRemove(_dataFile, out _);
        }
    }

    private static FileStream Open(string dataFile, string lockFile)
    {
        // macOS has no byte-range lock in .NET; there the whole file is locked (flock), and a refused process cannot
        // read the holder's pid.
        var share = OperatingSystem.IsMacOS() ? FileShare.None : FileShare.ReadWrite;
        FileStream file;
        try
        {
            file = new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, share, bufferSize: 0);
        }
        catch (IOException exception) when (OperatingSystem.IsMacOS())
        {
            throw new DataFileInUseException(dataFile, lockFile, null, exception);
        }

        try
        {
            if (!OperatingSystem.IsMacOS())
            {
                file.Lock(LockedByte, 1);
            }
        }
        catch (IOException exception)
        {
            var holder = ReadHolder(file);
            file.Dispose();
            throw new DataFileInUseException(dataFile, lockFile, holder, exception);
        }
        catch
        {
            file.Dispose();
            throw;
        }

        try
        {
            var pid = Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n");
            file.SetLength(0);
            file.Write(pid);
            file.Flush();
        }
        catch
        {
            file.Dispose();
            throw;
        }

        return file;
    }

    private static int? ReadHolder(FileStream file)
    {
        try
        {
            var buffer = new byte[32];
            file.Position = 0;
            var read = file.Read(buffer);
            var text = Encoding.ASCII.GetString(buffer, 0, read).Trim();
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (IOException)
        {
            // The holder may be between truncating and writing its pid: the refusal matters, not the number.
            return null;
        }
    }
}
