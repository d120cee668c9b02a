using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.Logging;

namespace ScribeBot.Teams.Tests.Endpoint;

/// <summary>
/// The SDK logs each token it refuses at Error as <c>Logger.LogError(exception.ToString())</c> (CloudAdapter.ProcessAsync,
/// Microsoft.Bot.Builder.Integration.AspNet.Core 4.23); the adapter's logger writes that as a refusal and nothing else.
/// </summary>
public sealed class CloudAdapterLoggerTests
{
    private readonly RecordingLogger<CloudAdapter> _sdk = new();
    private readonly RecordingLogger<TeamsEndpoint> _endpoint = new();

    [Fact]
    public void A_refused_token_is_a_warning_with_the_reason_and_without_the_stack_trace()
    {
        var logger = new CloudAdapterLogger(_sdk, _endpoint);

        AsTheSdkLogs(logger, LogLevel.Error, Thrown(new UnauthorizedAccessException("Token signing algorithm 'PS256' not in allowed list")).ToString());

        Assert.Empty(_sdk.Entries);
        var (level, message) = Assert.Single(_endpoint.Entries);
        Assert.Equal(LogLevel.Warning, level);
        Assert.Equal("Teams: request refused with 401: token refused: Token signing algorithm 'PS256' not in allowed list", message);
    }

    [Fact]
    public void A_reason_echoing_a_long_claim_is_cut()
    {
        var logger = new CloudAdapterLogger(_sdk, _endpoint);

        AsTheSdkLogs(logger, LogLevel.Error, new UnauthorizedAccessException("Invalid AppId passed on token: " + new string('x', 5000)).ToString());

        var (_, message) = Assert.Single(_endpoint.Entries);
        Assert.InRange(message.Length, 200, 300);
        Assert.EndsWith("…", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cut_reason_never_ends_in_half_a_character()
    {
        var logger = new CloudAdapterLogger(_sdk, _endpoint);

        // "Invalid AppId passed on token: " is 31 units: the 200th unit of the reason is an emoji's first half.
        AsTheSdkLogs(logger, LogLevel.Error, new UnauthorizedAccessException("Invalid AppId passed on token: " + new string('x', 168) + "🚨🚨").ToString());

        var (_, message) = Assert.Single(_endpoint.Entries);
        Assert.EndsWith("x…", message, StringComparison.Ordinal);
        Assert.DoesNotContain(message, char.IsSurrogate);
    }

    [Fact]
    public void Any_other_error_of_the_sdk_stays_an_error()
    {
        var logger = new CloudAdapterLogger(_sdk, _endpoint);
        var failure = new InvalidOperationException("the connector answered 500");

        AsTheSdkLogs(logger, LogLevel.Error, failure.ToString());
        logger.Log(LogLevel.Error, default, "turn failed", failure, (text, _) => text);
        AsTheSdkLogs(logger, LogLevel.Information, "System.UnauthorizedAccessException: only an Error entry is the SDK's refusal");

        Assert.Empty(_endpoint.Entries);
        Assert.Equal([LogLevel.Error, LogLevel.Error, LogLevel.Information], _sdk.Entries.Select(e => e.Level));
    }

    /// <summary>The SDK's own call: a whole text as the message template.</summary>
    private static void AsTheSdkLogs(ILogger logger, LogLevel level, string text)
    {
#pragma warning disable CA1848, CA2254
        logger.Log(level, text);
#pragma warning restore CA1848, CA2254
    }

    private static Exception Thrown(Exception exception)
    {
        try
        {
            throw exception;
        }
        catch (Exception caught)
        {
            return caught;
        }
    }

    private sealed class RecordingLogger<T> : ILogger<T>
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
