using ScribeBot.Core.Caching;
using ScribeBot.Core.Storage;

namespace ScribeBot.Slack.Names;

/// <summary>
/// Names Slack gave, kept in the store (<see cref="IAdapterStateStore"/>, one record per person) so that a draft
/// rendered after a restart, while Slack is down, still names the people it named before.
/// </summary>
internal sealed class SlackPersistedNames(IAdapterStateStore? store)
{
    /// <summary>
    /// Bounds the memory of what was written (keyed by the people requests name); a forgotten name costs one store
    /// read, and a write only if it changed. As many as <see cref="Slack.WebApi.SlackUserDirectory.MaxEntries"/>.
    /// </summary>
    internal const int MaxRemembered = 20_000;

    private readonly BoundedCache<string, string> _written = new(MaxRemembered, StringComparer.Ordinal);

    internal int RememberedCount => _written.Count;

    public async Task<string?> FindAsync(string teamId, string userId, CancellationToken cancellationToken) =>
        store is null ? null : await store.GetStateAsync(Key(teamId, userId), cancellationToken).ConfigureAwait(false);

    /// <summary>Stores the name unless this process already stored or read that very name: a write costs a commit.</summary>
    public async Task SaveAsync(string teamId, string userId, string name, CancellationToken cancellationToken)
    {
        var key = Key(teamId, userId);
        if (store is null || (_written.TryGetValue(key, out var written) && written == name))
        {
            return;
        }

        if (await store.GetStateAsync(key, cancellationToken).ConfigureAwait(false) != name)
        {
            await store.SetStateAsync(key, name, cancellationToken).ConfigureAwait(false);
        }

        _written.Set(key, name);
    }

    private static string Key(string teamId, string userId) => $"slack:name:{teamId}:{userId}";
}
