using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScribeBot.Slack.Events;
using ScribeBot.Slack.WebApi;

namespace ScribeBot.Slack.Endpoint;

/// <summary>
/// The reader that knows the bot's own user and bot ids, learnt once from <c>auth.test</c>, so that the bot's own
/// messages are not recorded. Until <c>auth.test</c> succeeded (no token, Slack unreachable) requests are read without
/// them rather than refused, and the call is tried again on a later request, at most every <see cref="RetryDelay"/>.
/// </summary>
internal sealed partial class SlackBotIdentity(
    Func<SlackWebApiClient> client, IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackBotIdentity> logger)
{
    /// <summary>Long enough not to add an auth.test to every request while Slack is down.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(30);

    private static readonly SlackInboundReader Anonymous = new(null, null);

    private volatile SlackInboundReader? _known;
    private long _nextAttemptTicks;

    public async ValueTask<SlackInboundReader> ReaderAsync(CancellationToken cancellationToken)
    {
        if (_known is { } known)
        {
            return known;
        }

        var now = time.GetUtcNow();
        if (string.IsNullOrWhiteSpace(options.Value.BotToken) || now.UtcTicks < Interlocked.Read(ref _nextAttemptTicks))
        {
            return Anonymous;
        }

        // Two requests at once may both ask; the answer is the same, so no lock is held across the call.
        Interlocked.Exchange(ref _nextAttemptTicks, (now + RetryDelay).UtcTicks);
        SlackApiResult<SlackAuthInfo> result;
        try
        {
            result = await client().AuthTestAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The request's lookup budget ran out (or the caller went away): read this one without the ids.
            LogAuthTestFailed(logger, "timeout");
            return Anonymous;
        }

        if (!result.IsOk)
        {
            LogAuthTestFailed(logger, result.Error);
            return Anonymous;
        }

        LogIdentified(logger, result.Value.UserId, result.Value.BotId, result.Value.TeamId);
        var reader = new SlackInboundReader(result.Value.UserId, result.Value.BotId);
        _known = reader;
        return reader;
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Slack auth.test failed ({Error}); the bot's own messages cannot be recognised until it succeeds, retrying on a later request")]
    private static partial void LogAuthTestFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack bot identified: user {BotUserId}, bot {BotId}, workspace {TeamId}")]
    private static partial void LogIdentified(ILogger logger, string botUserId, string? botId, string? teamId);
}
