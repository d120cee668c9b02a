namespace ScribeBot.Slack.WebApi;

/// <summary>
/// Who the bot token belongs to (<c>auth.test</c>), shared by everything that needs it: the reader that skips the bot's
/// own messages and the poster's check for parts already posted. Remembered once known; asked by one caller at a time;
/// and, after Slack answered 429, not asked again before its <c>Retry-After</c> has passed (a caller in that window gets
/// the rate limit back without a request), since Slack counts every call against the method's limit.
/// </summary>
/// <remarks>
/// Not disposable: the container disposed the semaphore at shutdown while a caller could still be inside
/// <c>auth.test</c>, whose <c>Release</c> then threw. A <see cref="SemaphoreSlim"/> whose wait handle is never asked
/// for holds nothing to free.
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "See remarks: disposing raced in-flight callers and freed nothing.")]
internal sealed class SlackBotAccount(Func<SlackWebApiClient> client, TimeProvider time)
{
    /// <summary>Slack's advice when a 429 came without <c>Retry-After</c>: tier 4 methods allow about one call a second.</summary>
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _asking = new(1, 1);
    private volatile SlackAuthInfo? _known;
    private DateTimeOffset _notBefore = DateTimeOffset.MinValue;

    /// <summary>The account, if <c>auth.test</c> answered already.</summary>
    public SlackAuthInfo? Known => _known;

    public async Task<SlackApiResult<SlackAuthInfo>> GetAsync(CancellationToken cancellationToken)
    {
        if (_known is { } known)
        {
            return SlackApiResult.Ok(known);
        }

        await _asking.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_known is { } learnt)
            {
                return SlackApiResult.Ok(learnt);
            }

            var now = time.GetUtcNow();
            if (now < _notBefore)
            {
                return SlackApiResult.RateLimited<SlackAuthInfo>(_notBefore - now);
            }

            var result = await client().Auth.TestAsync(cancellationToken).ConfigureAwait(false);
            if (result.IsOk)
            {
                _known = result.Value;
            }
            else if (result.Status == SlackApiStatus.RateLimited)
            {
                _notBefore = time.GetUtcNow() + (result.RetryAfter ?? DefaultRetryAfter);
            }

            return result;
        }
        finally
        {
            _asking.Release();
        }
    }
}
