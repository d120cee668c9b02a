namespace ScribeBot.Hosting;

/// <summary>
/// Keeps the framework's own report of a failed start out of the log while the host starts: the generic host logs
/// "Hosting failed to start" and Kestrel "Unable to start Kestrel", each with a stack trace, before the exception
/// reaches <c>Program</c>, which then says the same thing in one line (<see cref="StartupLog.LogCannotStart"/>) or, for
/// a failure that is not an operator's to fix, lets it crash the process with its stack trace anyway. Logging filters
/// see a category and a level but not the event or its exception, so the window is what narrows this to the start.
/// </summary>
internal sealed class StartupWindow
{
    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";
    private const string KestrelCategory = "Microsoft.AspNetCore.Server.Kestrel";

    private volatile bool _starting;

    /// <summary>Runs <paramref name="start"/> with the two reports filtered out.</summary>
    public async Task StartAsync(Func<Task> start)
    {
        _starting = true;
        try
        {
            await start().ConfigureAwait(false);
        }
        finally
        {
            _starting = false;
        }
    }

    /// <summary>
    /// Adds the filter for the two categories. A filter rule replaces the configured level of the categories it names
    /// (the most specific rule wins), so each keeps the floor appsettings.json gives it: Information for the host,
    /// Warning for Kestrel (under <c>Microsoft.AspNetCore</c>).
    /// </summary>
    public void AddTo(ILoggingBuilder logging)
    {
        logging.AddFilter(HostCategory, level => level >= LogLevel.Information && !(_starting && level == LogLevel.Error));
        logging.AddFilter(KestrelCategory, level => level >= LogLevel.Warning && !(_starting && level == LogLevel.Critical));
    }
}
