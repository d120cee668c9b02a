using Microsoft.Extensions.Logging;

namespace ScribeBot.Postgres;

/// <summary>
/// Whether the database is out of reach, for the log: one Warning when the first call fails and one Information line
/// when a call succeeds again, however many requests fail in between (each of them is answered 503 without a log line
/// of its own), so an outage under load is two lines, not a stack trace per request.
/// <para>
/// Only a call that began after the latest failure proves the database is back: while a server shuts down, a call
/// already running on a session it has not ended yet may still succeed after another call failed, and taking that for
/// a recovery would log the one outage as two.
/// </para>
/// </summary>
internal sealed partial class DatabaseOutage(string endpoint, TimeProvider timeProvider, ILogger logger)
{
    private readonly ILogger _logger = logger;
    private readonly Lock _gate = new();
    private long _failures;
    private long _downSince;

    /// <summary>Taken as a call begins and handed back to <see cref="Succeeded"/>.</summary>
    public long Mark => Interlocked.Read(ref _failures);

    public void Failed(Exception exception)
    {
        bool began;
        lock (_gate)
        {
            _failures++;
            began = _downSince == 0;
            if (began)
            {
                _downSince = Math.Max(1, timeProvider.GetTimestamp());
            }
        }

        if (began)
        {
            LogDown(exception, endpoint, DatabaseFailures.Reason(exception));
        }
    }

    /// <param name="mark">The <see cref="Mark"/> taken when the call began.</param>
    public void Succeeded(long mark)
    {
        if (Interlocked.Read(ref _downSince) == 0)
        {
            return;
        }

        long since;
        lock (_gate)
        {
            if (_downSince == 0 || mark != _failures)
            {
                return;
            }

            since = _downSince;
            _downSince = 0;
        }

        var outage = timeProvider.GetElapsedTime(since);
        LogBack(endpoint, outage);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL at {Endpoint} is unavailable: {Reason}. Requests that need it answer 503 until it is back")]
    private partial void LogDown(Exception exception, string endpoint, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL at {Endpoint} is available again after {Outage}")]
    private partial void LogBack(string endpoint, TimeSpan outage);
}
