using ScribeBot.Core.Incidents;
using ScribeBot.Core.Storage;

namespace ScribeBot.LiteDb;

/// <summary>
/// The <see cref="IRetentionStore"/> port. Finished posts are found by their delivery and abandonment indexes, an
/// incident's posts by the outbox's incident index, the records an item owns by the adapter state's owner index, and
/// purge candidates in the ledger: nothing here reads a whole collection.
/// </summary>
internal sealed partial class LiteDbIncidentStore : IRetentionStore
{
    /// <summary>Incidents whose entries and posts one read counts, so writes queued meanwhile wait for a short read only.</summary>
    private const int IncidentsCountedPerRead = 100;

    public Task<RemovedPosts> RemoveFinishedPostsAsync(
        DateTimeOffset deliveredBefore, DateTimeOffset abandonedBefore, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        return max == 0
            ? Task.FromResult(RemovedPosts.None)
            : _writer.EnqueueAsync(session => session.RemoveFinishedPosts(deliveredBefore, abandonedBefore, max), cancellationToken);
    }

    public async Task<PurgePlan> PlanPurgeAsync(DateTimeOffset declaredBefore, CancellationToken cancellationToken)
    {
        // The ledger holds every incident's workspace, number, status and declaration in 40 bytes: the candidates are
        // found without loading one incident.
        var candidates = await ReadAsync(() =>
        {
            var ledger = _ledger.Read(_file.Schema.Ledger, DateTimeOffset.MinValue);
            return ledger.Entries
                .Where(e => e.DeclaredTicks < declaredBefore.UtcTicks)
                .Select(e => new PurgeCandidate(ledger.IdOf(e), ledger.WorkspaceKeyOf(e), e.DeclaredTicks, e.Status != IncidentStatus.Resolved))
                .OrderBy(c => c.DeclaredTicks)
                .ThenBy(c => c.Id, StringComparer.Ordinal)
                .ToArray();
        }, cancellationToken).ConfigureAwait(false);

        var resolved = candidates.Where(c => !c.Open).ToArray();
        var tallies = new Dictionary<string, PurgeTally>(StringComparer.Ordinal);
        foreach (var chunk in resolved.Chunk(IncidentsCountedPerRead))
        {
            var counted = await ReadAsync(
                () => chunk.Select(c => (c.Workspace, Tally: new PurgeTally(1, _file.Schema.EntriesOf(c.Id).Count(), _file.Schema.PostsOf(c.Id).Count())))
                    .ToArray(),
                cancellationToken).ConfigureAwait(false);
            foreach (var (workspace, tally) in counted)
            {
                tallies[workspace] = tallies.GetValueOrDefault(workspace, PurgeTally.None).Add(tally);
            }
        }

        var workspaces = candidates
            .GroupBy(c => c.Workspace, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new WorkspacePurge(g.Key, tallies.GetValueOrDefault(g.Key, PurgeTally.None), g.Count(c => c.Open)))
            .ToArray();
        return new PurgePlan(declaredBefore, resolved.Select(c => c.Id).ToArray(), workspaces);
    }

    public Task<PurgeTally> PurgeAsync(IReadOnlyList<string> incidentIds, DateTimeOffset declaredBefore, CancellationToken cancellationToken) =>
        _writer.EnqueueAsync(
            session => incidentIds.Distinct(StringComparer.Ordinal)
                .Select(id => session.Purge(id, declaredBefore))
                .Aggregate(PurgeTally.None, (sum, tally) => tally is null ? sum : sum.Add(tally)),
            cancellationToken);

    private sealed record PurgeCandidate(string Id, string Workspace, long DeclaredTicks, bool Open);
}
