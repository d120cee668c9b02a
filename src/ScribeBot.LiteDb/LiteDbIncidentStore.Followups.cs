using ScribeBot.Core.Followups;
using ScribeBot.Core.Storage;
using ScribeBot.LiteDb.Mapping;

namespace ScribeBot.LiteDb;

/// <summary>The follow-up issues the stats count, found by the links' creation instants (multi-key indexes), not by a scan.</summary>
internal sealed partial class LiteDbIncidentStore : IIncidentStore
{
    public Task<IReadOnlyList<FollowupMeasure>> MeasureFollowupsAsync(
        string? workspaceKey, DateTimeOffset createdSince, CancellationToken cancellationToken) =>
        ReadAsync(() =>
        {
            IReadOnlyList<FollowupMeasure> followups = _file.Schema.IncidentsWithFollowupsSince(createdSince)
                .Select(IncidentMapping.FromDocument)
                .Where(incident => workspaceKey is null || incident.Channel.WorkspaceKey == workspaceKey)
                .SelectMany(incident => FollowupMeasure.Of(incident, createdSince))
                .ToArray();
            return followups;
        }, cancellationToken);
}
