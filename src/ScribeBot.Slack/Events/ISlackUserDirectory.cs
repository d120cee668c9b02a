namespace ScribeBot.Slack.Events;

/// <summary>
/// Display names of Slack users. The wiring step implements it with <c>users.info</c> and a cache; tests with a
/// dictionary. Null when the user is unknown or the lookup failed: the id is shown instead.
/// </summary>
internal interface ISlackUserDirectory
{
    /// <summary>The name already known, without asking Slack: all an acknowledgement may wait for.</summary>
    string? FindCachedDisplayName(string teamId, string userId);

    /// <summary>A lookup gave up waiting: remember it like a failure, unless a name is known.</summary>
    void NoteUnanswered(string teamId, string userId);

    ValueTask<string?> FindDisplayNameAsync(string teamId, string userId, CancellationToken cancellationToken);
}
