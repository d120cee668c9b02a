using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.Logging;
using ScribeBot.Core.Text;

namespace ScribeBot.Teams;

/// <summary>
/// The <see cref="CloudAdapter"/>'s logger. The SDK answers a token it refuses (wrong issuer, audience or
/// <c>serviceurl</c>, expired, an algorithm or key endorsement it does not allow) with 401, and logs the refusal at
/// Error as the whole text of the <see cref="UnauthorizedAccessException"/>: every forged request would reach the
/// operator's error log, which anyone could then fill. That one entry is written as the endpoint's own refusals are, at
/// Warning with the reason only, so a misconfigured app id still shows why genuine requests fail; the rest passes through.
/// </summary>
internal sealed class CloudAdapterLogger(ILogger<CloudAdapter> sdk, ILogger<TeamsEndpoint> endpoint) : ILogger
{
    private const int MaxReasonLength = 200;

    private static readonly string RefusalPrefix = typeof(UnauthorizedAccessException).FullName + ": ";

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => sdk.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => sdk.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (logLevel == LogLevel.Error && exception is null && formatter(state, null) is var text && text.StartsWith(RefusalPrefix, StringComparison.Ordinal))
        {
            TeamsLog.Refused(endpoint, StatusCodes.Status401Unauthorized, "token refused: " + ReasonOf(text));
            return;
        }

        sdk.Log(logLevel, eventId, state, exception, formatter);
    }

    // The first line only (the stack trace follows), cut: the reason can echo a claim the sender chose.
    private static string ReasonOf(string text)
    {
        var reason = text.AsSpan(RefusalPrefix.Length);
        var lineEnd = reason.IndexOfAny('\r', '\n');
        if (lineEnd >= 0)
        {
            reason = reason[..lineEnd];
        }

        return TextShortener.Shorten(reason.ToString(), MaxReasonLength);
    }
}
