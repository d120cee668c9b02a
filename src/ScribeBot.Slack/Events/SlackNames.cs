using ScribeBot.Slack.Text;

namespace ScribeBot.Slack.Events;

/// <summary>
/// Puts display names on what a reader produced. Readers are pure and name people by user id; this step asks the
/// directory for every user an inbound mentions (author, reacting user, caller, mentions in the text) and reads
/// the request again with the names, so names land everywhere a reader puts one, mentions included.
/// </summary>
internal static class SlackNames
{
    /// <summary>The workspace and user ids whose names the inbound would show.</summary>
    public static (string? TeamId, IReadOnlyList<string> UserIds) UsersIn(SlackInbound inbound)
    {
        var ids = new List<string>();
        void Add(string? id)
        {
            if (!string.IsNullOrEmpty(id) && !ids.Contains(id))
            {
                ids.Add(id);
            }
        }

        switch (inbound)
        {
            case SlackEventCallback callback:
                switch (callback.Event)
                {
                    // An integration's message without a user is named by its bot id (B...), which users.info does not know.
                    case SlackMessagePosted { Message: var message } when !message.Author.Id.StartsWith('B'):
                        Add(message.Author.Id);
                        break;
                    case SlackReactionChanged { Change: var change }:
                        Add(change.User.Id);
                        break;
                }

                foreach (var id in SlackTextDecoder.MentionedUserIds(callback.SlackText ?? ""))
                {
                    Add(id);
                }

                return (callback.TeamId, ids);
            case SlackSlashCommand command:
                Add(command.Request.Caller.Id);
                foreach (var id in SlackTextDecoder.MentionedUserIds(command.Request.Text))
                {
                    Add(id);
                }

                return (command.Request.Channel.Workspace, ids);
            case SlackMessageShortcut shortcut:
                Add(shortcut.User.Id);
                Add(shortcut.Original.Author.Id);
                return (shortcut.Channel.Workspace, ids);
            case SlackViewSubmission submission:
                Add(submission.User.Id);
                return (submission.TeamId, ids);
            default:
                return (null, ids);
        }
    }

    /// <summary>
    /// Names only from the directory's cache, never asking Slack: how an event is read before its acknowledgement.
    /// Returns <paramref name="first"/> unchanged when no name is cached.
    /// </summary>
    public static SlackInbound FromCache(
        SlackInbound first, Func<IReadOnlyDictionary<string, string>, SlackInbound> readAgain, ISlackUserDirectory directory)
    {
        var (teamId, userIds) = UsersIn(first);
        if (teamId is null || userIds.Count == 0)
        {
            return first;
        }

        Dictionary<string, string>? names = null;
        foreach (var id in userIds)
        {
            if (directory.FindCachedDisplayName(teamId, id) is { Length: > 0 } name)
            {
                (names ??= new Dictionary<string, string>(StringComparer.Ordinal))[id] = name;
            }
        }

        return names is null ? first : readAgain(names);
    }

    /// <summary>
    /// Looks up the names of the users in <paramref name="first"/> and, if any is known, returns
    /// <paramref name="readAgain"/> with them; otherwise <paramref name="first"/> unchanged.
    /// </summary>
    public static async Task<SlackInbound> ResolveAsync(
        SlackInbound first,
        Func<IReadOnlyDictionary<string, string>, SlackInbound> readAgain,
        ISlackUserDirectory directory,
        CancellationToken cancellationToken)
    {
        var (teamId, userIds) = UsersIn(first);
        if (teamId is null || userIds.Count == 0)
        {
            return first;
        }

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in userIds)
        {
            if (await directory.FindDisplayNameAsync(teamId, id, cancellationToken).ConfigureAwait(false) is { Length: > 0 } name)
            {
                names[id] = name;
            }
        }

        return names.Count == 0 ? first : readAgain(names);
    }
}
