using System.Text;
using ScribeBot.Core.Postmortem;
using ScribeBot.Core.Storage;

namespace ScribeBot.Web;

/// <summary>
/// <c>GET /incidents/{id}/postmortem.md</c>: the full Markdown draft (with the transcript appendix) as a download.
/// Teams cannot take a file from a bot in a channel, so its draft message links here when <c>Scribe:PublicBaseUrl</c>
/// is set.
/// </summary>
internal static class PostmortemDownloadEndpoint
{
    public const string Route = "/incidents/{id}/postmortem.md";

    public static IEndpointConventionBuilder MapPostmortemDownload(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Route, DownloadAsync).RequireAuthorization(Access.DashboardAccess.PolicyName);

    private static async Task<IResult> DownloadAsync(string id, IIncidentStore store, PostmortemBuilder builder, CancellationToken cancellationToken)
    {
        var incident = await store.GetIncidentAsync(id, cancellationToken).ConfigureAwait(false);
        if (incident is null)
        {
            return Results.NotFound();
        }

        var entries = await store.GetTimelineAsync(incident.Id, cancellationToken).ConfigureAwait(false);
        var markdown = PostmortemMarkdown.Render(builder.Build(incident, entries));
        return Results.File(Encoding.UTF8.GetBytes(markdown), "text/markdown; charset=utf-8", $"{incident.DisplayId}-postmortem.md");
    }
}
