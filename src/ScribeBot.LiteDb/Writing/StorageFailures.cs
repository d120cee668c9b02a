using LiteDB;

namespace ScribeBot.LiteDb.Writing;

internal static class StorageFailures
{
    /// <summary>
    /// An error of the disk or of LiteDB's engine, after which the open database cannot be trusted (LiteDB closes its
    /// engine on any I/O error), as opposed to one operation's own refusal.
    /// </summary>
    public static bool IsStorageFailure(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is IOException or UnauthorizedAccessException or ObjectDisposedException
                || current is LiteException { ErrorCode: LiteException.INVALID_DATAFILE_STATE or LiteException.ENGINE_DISPOSED or LiteException.DATABASE_SHUTDOWN })
            {
                return true;
            }
        }

        return false;
    }
}
