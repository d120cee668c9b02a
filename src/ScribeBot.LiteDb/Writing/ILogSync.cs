namespace ScribeBot.LiteDb.Writing;

/// <summary>
/// Makes committed log pages durable (fsync). An interface so tests can stand in a slow or failing disk and check
/// what callers see.
/// </summary>
internal interface ILogSync : IDisposable
{
    /// <summary>Returns once everything committed before the call is on the device; throws when that failed.</summary>
    void Flush();

    /// <summary>
    /// The database was opened again, and LiteDB may have deleted and recreated its log meanwhile: let go of any
    /// handle, so the next <see cref="Flush"/> reaches the current file rather than a deleted one.
    /// </summary>
    void Reopen();
}
