using ScribeBot.Core.Storage;

namespace ScribeBot.Core.Followups;

/// <summary>
/// The follow-up issues created in a period and their states now, for <c>stats</c> and the dashboard's stats page. An
/// issue counts in the period its link was created in (<see cref="FollowupLink.CreatedAt"/>, the tracker's creation time
/// when it gave one); "closed" is of those issues, the state read now, because the trackers' close times would cost
/// another read per issue and a closed issue may be reopened.
/// </summary>
public sealed record FollowupStatistics(IReadOnlyList<FollowupMeasure> Followups, IReadOnlyList<FollowupState?> States)
{
    public static FollowupStatistics None { get; } = new([], []);

    /// <summary>Everything in the period.</summary>
    public FollowupTally Total => FollowupTally.Of(States);

    /// <summary>
    /// The follow-ups created in [<paramref name="since"/>, <paramref name="until"/>] (one workspace, or all when
    /// <paramref name="workspaceKey"/> is null) with their states read through <paramref name="states"/> (cached, bounded
    /// by <see cref="FollowupStates.StatsBudget"/>); without <paramref name="states"/> (no tracker configured) every
    /// state is unknown.
    /// </summary>
    public static async Task<FollowupStatistics> ReadAsync(
        IIncidentStore store, FollowupStates? states, string? workspaceKey, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var found = (await store.MeasureFollowupsAsync(workspaceKey, since, cancellationToken).ConfigureAwait(false))
            .Where(f => f.Link.CreatedAt <= until)
            .ToArray();
        var read = states is null || found.Length == 0
            ? new FollowupState?[found.Length]
            : await states.ReadStatesAsync(found, cancellationToken).ConfigureAwait(false);
        return new FollowupStatistics(found, read);
    }

    /// <summary>The tally of each period between consecutive <paramref name="boundaries"/> (ascending; period k is [boundaries[k], boundaries[k + 1])).</summary>
    public IReadOnlyList<FollowupTally> Over(IReadOnlyList<DateTimeOffset> boundaries)
    {
        var periods = Math.Max(0, boundaries.Count - 1);
        var states = new List<FollowupState?>[periods];
        for (var k = 0; k < periods; k++)
        {
            states[k] = [];
        }

        for (var i = 0; i < Followups.Count; i++)
        {
            var created = Followups[i].Link.CreatedAt;
            for (var k = 0; k < periods; k++)
            {
                if (created >= boundaries[k] && created < boundaries[k + 1])
                {
                    states[k].Add(States[i]);
                    break;
                }
            }
        }

        return [.. states.Select(FollowupTally.Of)];
    }
}
