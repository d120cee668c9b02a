using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;

namespace ScribeBot.LiteDb.Writing;

/// <summary>
/// How the writer outlives a storage failure (an I/O error such as a full disk, or LiteDB's engine closed by one):
/// the file is opened again (<see cref="StoreFile.Reopen"/>) with the open incidents, the arrival counter and the
/// caches reloaded from it, so the memory agrees with what was really committed. If it cannot be opened, each later
/// batch tries again first and is failed at once while that fails, so writes succeed again as soon as the disk does.
/// </summary>
internal sealed partial class FileRecovery(StoreFile file, WriterMemory memory, Acknowledger acknowledger, ILogger logger)
{
    private readonly ILogger _logger = logger;
    private Exception? _unopened;

    /// <summary>False while the file could not be opened again after a storage failure; tries once more first.</summary>
    public bool IsOpen([NotNullWhen(false)] out Exception? failure)
    {
        if (_unopened is not null)
        {
            Reopen();
        }

        failure = _unopened;
        return failure is null;
    }

    public void Reopen()
    {
        // Whatever the failure left in memory may not be what the file holds: take it all from the file again.
        memory.Forget();
        try
        {
            var cut = file.Reopen();
            memory.Reload(file);
            acknowledger.LogReopened();
            if (_unopened is not null || cut > 0)
            {
                LogReopened(cut);
            }

            _unopened = null;
        }
        catch (Exception exception)
        {
            if (_unopened is null)
            {
                LogReopenFailed(exception);
            }

            _unopened = exception;
        }
    }

    /// <summary>Rolls the open transaction back; the caches are read from the file again when next needed.</summary>
    public void Rollback()
    {
        memory.Forget();
        try
        {
            file.Database.Rollback();
        }
        catch (Exception exception)
        {
            LogRollbackFailed(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The store's file is open again after a storage failure ({CutBytes} bytes of a page cut short dropped from its tails)")]
    private partial void LogReopened(long cutBytes);

    [LoggerMessage(Level = LogLevel.Error, Message = "The store's file could not be opened again after a storage failure; writes fail until it can")]
    private partial void LogReopenFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rollback after a failed write failed")]
    private partial void LogRollbackFailed(Exception exception);
}
