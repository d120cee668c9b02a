using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScribeBot.Slack.Events;
using ScribeBot.Slack.WebApi;

namespace ScribeBot.Slack.Endpoint;

/// <summary>
/// The reader that knows the bot's own user and bot ids, learnt from <c>auth.test</c>, so that the bot's own messages
/// are not recorded. <c>auth.test</c> is asked in the background (at start, then again on a request at most every
/// <see cref="RetryDelay"/> until it succeeded) and never waited for: until it answered, requests are read without the
/// ids, and the bot's own posts are still recognised by their <c>app_id</c>, which is the receiving app's
/// <c>api_app_id</c> (see <see cref="SlackMessageConverter"/>).
/// </summary>
internal sealed partial class SlackBotIdentity(
    SlackBotAccount account, IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackBotIdentity> logger)
{
    /// <summary>Long enough not to add an auth.test to every request while Slack is down.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(30);

    private static readonly SlackInboundReader Anonymous = new(null, null);

    private volatile SlackInboundReader? _known;
    private long _nextAttemptTicks;
    private int _asking;

    /// <summary>The reader with the bot's ids when known, else without them; starts a lookup when one is due.</summary>
    public SlackInboundReader Reader
    {
        get
        {
            if (_known is { } known)
            {
                return known;
            }

            StartLookupIfDue();
            return Anonymous;
        }
    }

    /// <summary>Starts <c>auth.test</c> in the background unless it succeeded, runs already, or failed less than <see cref="RetryDelay"/> ago.</summary>
    public void StartLookupIfDue()
    {
        var now = time.GetUtcNow();
        if (_known is not null || string.IsNullOrWhiteSpace(options.Value.BotToken)
            || now.UtcTicks < Interlocked.Read(ref _nextAttemptTicks)
            || Interlocked.CompareExchange(ref _asking, 1, 0) != 0)
        {
            return;
        }

        Interlocked.Exchange(ref _nextAttemptTicks, (now + RetryDelay).UtcTicks);
        _ = Task.Run(LookupAsync);
    }

    private async Task LookupAsync()
    {
        try
        {
            // No caller to cancel it: the client's request timeout bounds a Slack that never answers.
            var result = await account.GetAsync(CancellationToken.None).ConfigureAwait(false);
            if (!result.IsOk)
            {
                LogAuthTestFailed(logger, result.Error);
                return;
            }

            LogIdentified(logger, result.Value.UserId, result.Value.BotId, result.Value.TeamId);
            _known = new SlackInboundReader(result.Value.UserId, result.Value.BotId);
        }
        catch (Exception exception)
        {
            LogAuthTestThrew(logger, exception);
        }
        finally
        {
            Volatile.Write(ref _asking, 0);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Slack auth.test failed ({Error}); the bot's own messages are recognised by app id only until it succeeds, retrying on a later request")]
    private static partial void LogAuthTestFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack auth.test threw; retrying on a later request")]
    private static partial void LogAuthTestThrew(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack bot identified: user {BotUserId}, bot {BotId}, workspace {TeamId}")]
    private static partial void LogIdentified(ILogger logger, string botUserId, string? botId, string? teamId);
}
