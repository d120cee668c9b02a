using ScribeBot.Core.Followups;
using ScribeBot.Core.Storage;
using ScribeBot.Postgres.Documents;
using static ScribeBot.Postgres.Reads;

namespace ScribeBot.Postgres;

/// <summary>The follow-up issues the stats count, found by the indexed latest link creation of each incident.</summary>
internal sealed partial class PostgresIncidentStore : IIncidentStore
{
    public Task<IReadOnlyList<FollowupMeasure>> MeasureFollowupsAsync(
        string? workspaceKey, DateTimeOffset createdSince, CancellationToken cancellationToken) =>
        OnConnectionAsync<IReadOnlyList<FollowupMeasure>>(
            async c =>
            {
                // Only incidents with a link at least this recent are read; the links themselves come from the document.
                var incidents = await ListAsync(
                    c,
                    null,
                    "SELECT doc FROM incidents WHERE followup_created_ticks >= @since AND (@workspace::text IS NULL OR workspace_key = @workspace)",
                    r => StoreJson.ToIncident(r.GetString(0)),
                    cancellationToken,
                    Parameter("since", createdSince.UtcTicks),
                    Rows.Text("workspace", workspaceKey)).ConfigureAwait(false);
                return [.. incidents.SelectMany(incident => FollowupMeasure.Of(incident, createdSince))];
            },
            cancellationToken);
}
