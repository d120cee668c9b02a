using Microsoft.AspNetCore.Mvc;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Followups;
using System.Text;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Postmortem.Building;
using ScribeBot.Core.Postmortem.Document;
using ScribeBot.Core.Postmortem.Markdown;
using ScribeBot.Core.Postmortem.Picture;
using ScribeBot.Core.Storage;

namespace ScribeBot.Web;

/// <summary>
/// The postmortem draft as a download: <c>GET /incidents/{id}/postmortem.md</c>, the full Markdown (with the transcript
/// appendix), and <c>GET /incidents/{id}/postmortem.html</c>, the same rendered into one self-contained HTML file.
/// Teams cannot take a file from a bot in a channel, so its draft message links to the Markdown when
/// <c>Scribe:PublicBaseUrl</c> is set.
/// </summary>
internal static class PostmortemDownloadEndpoint
{
    public const string Route = "/incidents/{id}/postmortem.md";
    public const string HtmlRoute = "/incidents/{id}/postmortem.html";

    public static IEndpointConventionBuilder MapPostmortemDownload(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("").RequireAuthorization(Access.DashboardAccess.PolicyName);
        group.MapGet(Route, DownloadMarkdownAsync);
        group.MapGet(HtmlRoute, DownloadHtmlAsync);
        return group;
    }

    private static async Task<IResult> DownloadMarkdownAsync(
        string id, IIncidentStore store, [FromServices] IEnumerable<IPeopleDirectory> people, FollowupStates states, CancellationToken cancellationToken)
    {
        var draft = await DraftAsync(id, store, people, states, cancellationToken).ConfigureAwait(false);
        return draft is not { } found
            ? Results.NotFound()
            : Results.File(Encoding.UTF8.GetBytes(found.Markdown), "text/markdown; charset=utf-8", $"{found.Incident.DisplayId}-postmortem.md");
    }

    private static async Task<IResult> DownloadHtmlAsync(
        string id,
        IIncidentStore store,
        [FromServices] IEnumerable<IPeopleDirectory> people,
        ITimelinePicture picture,
        FollowupStates states,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        var draft = await DraftAsync(id, store, people, states, cancellationToken).ConfigureAwait(false);
        if (draft is not { } found)
        {
            return Results.NotFound();
        }

        // Opened from the server instead of saved, the file still may not load or run anything; its one image is
        // inside it (data:), so that is the one source allowed beyond its inline styles.
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        // 2x, shown at 1x size: the file is read on laptops and phones alike and carries one picture.
        var image = picture.Draw(found.Incident, found.Document.Diagram, scale: 2);
        var html = PostmortemHtml.RenderDocument(
            $"{found.Incident.DisplayId}: {found.Incident.Title}", found.Markdown, DraftPicture.Embedded(image, scale: 2));
        return Results.File(Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8", $"{found.Incident.DisplayId}-postmortem.html");
    }

    private static async Task<(Incident Incident, PostmortemDocument Document, string Markdown)?> DraftAsync(
        string id, IIncidentStore store, IEnumerable<IPeopleDirectory> people, FollowupStates states, CancellationToken cancellationToken)
    {
        if (await store.GetWithTimelineAsync(id, cancellationToken).ConfigureAwait(false) is not var (stored, storedEntries))
        {
            return null;
        }

        var (named, entries) = await PeopleNames.ApplyAsync(people, stored, storedEntries, cancellationToken).ConfigureAwait(false);
        var incident = await states.ShowAsync(named, cancellationToken).ConfigureAwait(false);
        var document = PostmortemDraft.Build(incident, entries);
        return (incident, document, PostmortemMarkdown.Render(document));
    }
}
