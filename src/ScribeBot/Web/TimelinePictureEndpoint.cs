using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;
using ScribeBot.Core.Postmortem.Picture;
using ScribeBot.Core.Storage;

namespace ScribeBot.Web;

/// <summary>
/// <c>GET /incidents/{id}/timeline.png[?scale=2]</c>: the incident's timeline picture, the same PNG the chat drafts
/// carry. Behind the dashboard's policy, as the incident page is. Drawn from the store on every request (the
/// incident changes while it is open), with an ETag of its bytes so a browser that has it gets a 304.
/// </summary>
internal static class TimelinePictureEndpoint
{
    public const string Route = "/incidents/{id}/timeline.png";

    public static RouteHandlerBuilder MapTimelinePicture(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Route, DrawAsync).RequireAuthorization(Access.DashboardAccess.PolicyName);

    /// <summary>The address of <paramref name="incidentId"/>'s picture, for a link or an <c>img</c>.</summary>
    public static string PathOf(string incidentId, int scale = 1) =>
        $"/incidents/{Uri.EscapeDataString(incidentId)}/timeline.png" + (scale == 1 ? "" : $"?scale={scale}");

    private static async Task<IResult> DrawAsync(
        string id, int? scale, IIncidentStore store, ITimelinePicture picture, HttpContext context, CancellationToken cancellationToken)
    {
        if (scale is not (null or 1 or 2))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: "scale is 1 or 2.");
        }

        if (await store.GetWithTimelineAsync(id, cancellationToken).ConfigureAwait(false) is not var (incident, entries))
        {
            return Results.NotFound();
        }

        var image = picture.Draw(incident, entries, scale ?? 1);
        // Private: the picture is behind sign-in. no-cache: keep it, but ask each time, since an open incident grows.
        context.Response.Headers.CacheControl = "private, no-cache";
        context.Response.Headers.ContentDisposition = $"inline; filename=\"{TimelineImage.FileName(incident.DisplayId)}\"";
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(image.Png))[..32]}\"");
        return Results.File(image.Png, TimelineImage.ContentType, entityTag: etag);
    }
}
