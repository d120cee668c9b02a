using Microsoft.Extensions.Logging;

namespace ScribeBot.Postgres;

/// <summary>
/// Whether the database is out of reach, for the log: one Warning when the first call fails and one Information line
/// when a call succeeds again, however many requests fail in between (each of them is answered 503 without a log line
/// of its own), so an outage under load is two lines, not a stack trace per request.
/// </summary>
internal sealed partial class DatabaseOutage(string endpoint, TimeProvider timeProvider, ILogger logger)
{
    private readonly ILogger _logger = logger;
    private long _downSince;

    public bool IsDown => Interlocked.Read(ref _downSince) != 0;

    public void Failed(Exception exception)
    {
        if (Interlocked.CompareExchange(ref _downSince, Math.Max(1, timeProvider.GetTimestamp()), 0) == 0)
        {
            LogDown(exception, endpoint, DatabaseFailures.Reason(exception));
        }
    }

    public void Succeeded()
    {
        if (Interlocked.Read(ref _downSince) == 0)
        {
            return;
        }

        var since = Interlocked.Exchange(ref _downSince, 0);
        if (since != 0)
        {
            var outage = timeProvider.GetElapsedTime(since);
            LogBack(endpoint, outage);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL at {Endpoint} is unavailable: {Reason}. Requests that need it answer 503 until it is back")]
    private partial void LogDown(Exception exception, string endpoint, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL at {Endpoint} is available again after {Outage}")]
    private partial void LogBack(string endpoint, TimeSpan outage);
}
