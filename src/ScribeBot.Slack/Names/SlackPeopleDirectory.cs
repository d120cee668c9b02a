using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using ScribeBot.Core.Channels;
using ScribeBot.Slack.WebApi;

namespace ScribeBot.Slack.Names;

/// <summary>
/// Names for renderers (the draft, the timeline, the dashboard): the cached name, else the stored one, else a lookup
/// within <see cref="RenderBudget"/>. A render is not an acknowledgement, so it may wait a little, which is what puts
/// names in a draft posted right after Slack came back; it does not wait for a person whose lookup just failed.
/// </summary>
internal sealed class SlackPeopleDirectory(
    SlackUserDirectory directory,
    SlackPersistedNames persisted,
    SlackNameResolver resolver,
    IOptions<SlackOptions> options,
    TimeProvider time) : IPeopleDirectory
{
    public static readonly TimeSpan RenderBudget = TimeSpan.FromSeconds(2);

    public async Task<IReadOnlyDictionary<string, string>> FindNamesAsync(
        ChannelRef channel, IReadOnlyCollection<string> personIds, CancellationToken cancellationToken)
    {
        var names = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        if (channel.Platform != ChatPlatform.Slack)
        {
            return names;
        }

        var team = channel.Workspace;
        var unknown = new List<string>();
        foreach (var id in personIds.Where(SlackUserIds.IsUserId))
        {
            if (directory.FindCachedDisplayName(team, id) is { } cached)
            {
                names[id] = cached;
            }
            else if (await persisted.FindAsync(team, id, cancellationToken).ConfigureAwait(false) is { Length: > 0 } stored)
            {
                names[id] = stored;
                resolver.Request(team, [id]);
            }
            else if (!directory.RecentlyFailed(team, id))
            {
                unknown.Add(id);
            }
        }

        if (unknown.Count == 0 || string.IsNullOrWhiteSpace(options.Value.BotToken))
        {
            return names;
        }

        using var budget = new CancellationTokenSource(RenderBudget, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(budget.Token, cancellationToken);
        try
        {
            await Parallel.ForEachAsync(
                unknown,
                new ParallelOptions { MaxDegreeOfParallelism = SlackNameResolver.Parallelism, CancellationToken = linked.Token },
                async (id, token) =>
                {
                    if (await directory.FindDisplayNameAsync(team, id, token).ConfigureAwait(false) is { } name)
                    {
                        names[id] = name;
                        await persisted.SaveAsync(team, id, name, token).ConfigureAwait(false);
                    }
                }).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Past the budget: render with what is known; the ones still unknown are asked in the background.
            resolver.Request(team, unknown.Where(id => !names.ContainsKey(id)));
        }

        return names;
    }
}
