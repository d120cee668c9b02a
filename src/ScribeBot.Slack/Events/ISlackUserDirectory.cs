namespace ScribeBot.Slack.Events;

/// <summary>
/// Display names of Slack users. The wiring step implements it with <c>users.info</c> and a cache; tests with a
/// dictionary. Null when the user is unknown or the lookup failed: the id is shown instead.
/// </summary>
internal interface ISlackUserDirectory
{
    ValueTask<string?> FindDisplayNameAsync(string teamId, string userId, CancellationToken cancellationToken);
}
