using ScribeBot.Slack.WebApi;

namespace ScribeBot.Slack.Posting;

/// <summary>
/// The bot's own user and bot ids (<c>auth.test</c>), learnt once, so the channel check counts only markers on the
/// bot's messages: any other app can post metadata that looks like ours. A failure is not cached (asked again at the
/// next check, which happens only on a retry).
/// </summary>
internal sealed class SlackPostAuthor(Func<SlackWebApiClient> client)
{
    private volatile SlackAuthInfo? _known;

    public async Task<SlackApiResult<SlackAuthInfo>> GetAsync(CancellationToken cancellationToken)
    {
        if (_known is { } known)
        {
            return SlackApiResult.Ok(known);
        }

        var result = await client().AuthTestAsync(cancellationToken).ConfigureAwait(false);
        if (result.IsOk)
        {
            _known = result.Value;
        }

        return result;
    }
}
