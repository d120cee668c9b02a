using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using ScribeBot.Alerts.Authentication;
using ScribeBot.Alerts.Reading;
using ScribeBot.Alerts.Sources;
using ScribeBot.Core.Paging;

namespace ScribeBot.Alerts.Endpoint;

/// <summary>
/// <c>POST /alerts/{source}</c>, the same steps for every pager: off without its secret (404, nothing read); the body
/// read up to 1 MiB (413 past it); authenticated (401, nothing changed); read (400 with a one-line reason when it is
/// not the source's webhook, 401 for a replayed one); then handed to the core, and answered 200 with what became of
/// the pages only once they are kept. Bad input never reaches the core, so it never costs a 5xx; a failure of the
/// core's does, so the pager delivers again.
/// </summary>
internal sealed class AlertEndpoint(AlertSources sources, IPageReceiver receiver, TimeProvider time, ILogger<AlertEndpoint> logger)
{
    /// <summary>PagerDuty drops webhooks over 256 KB; an Alertmanager group of a few hundred alerts fits in a megabyte.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    public async Task<IResult> HandleAsync(HttpContext context, PageSource which)
    {
        var source = sources[which];
        var name = source.Source.ToLabel();
        if (!source.IsOn)
        {
            AlertsLog.Off(logger, name);
            return Results.NotFound();
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        var body = await BoundedBody.ReadAsync(context.Request, MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            AlertsLog.TooLarge(logger, name, MaxBodyBytes);
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var authentication = source.Authenticate(context.Request, body);
        if (authentication != AlertAuthentication.Accepted)
        {
            AlertsLog.Unauthenticated(logger, name, authentication);
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        var read = source.Read(body, time.GetUtcNow());
        switch (read.Outcome)
        {
            case AlertReadOutcome.Refused:
                AlertsLog.Refused(logger, name, read.Reason);
                return Results.StatusCode(StatusCodes.Status401Unauthorized);
            case AlertReadOutcome.Malformed:
                AlertsLog.Malformed(logger, name, read.Reason);
                return Results.Text(read.Reason, "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
            case AlertReadOutcome.Ignored:
                AlertsLog.Ignored(logger, name, read.Reason);
                return Results.Json(PageCounts.None);
        }

        if (read.Pages.Count == 0)
        {
            return Results.Json(PageCounts.None);
        }

        var result = await receiver.ReceiveAsync(read.Pages, context.RequestAborted).ConfigureAwait(false);
        AlertsLog.Received(logger, name, read.Pages.Count, result.Recorded, result.Duplicates, result.Unrouted);
        return Results.Json(new PageCounts(result.Recorded, result.Duplicates, result.Unrouted));
    }
}
