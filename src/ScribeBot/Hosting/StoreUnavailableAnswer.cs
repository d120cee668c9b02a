using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using ScribeBot.Core.Storage;

namespace ScribeBot.Hosting;

/// <summary>
/// The HTTP side of <see cref="StoreUnavailableException"/>, inside the host's one exception handler: the status is
/// 503 (<see cref="StatusCodeOf"/>, the handler's status selector), this adds <c>Retry-After</c>, and the handler's
/// problem-details writer then writes the body with its correlation id. Slack, Teams and the pagers deliver again on
/// a 503; nothing of the request was acknowledged. Not logged per request: the store logs the outage once.
/// </summary>
internal sealed class StoreUnavailableAnswer : IExceptionHandler
{
    public static int? StatusCodeOf(Exception exception) =>
        exception is StoreUnavailableException ? StatusCodes.Status503ServiceUnavailable : null;

    public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is StoreUnavailableException)
        {
            httpContext.Response.Headers.RetryAfter =
                ((int)StoreUnavailableException.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        // Not handled: the problem-details writer answers, as for every other exception.
        return ValueTask.FromResult(false);
    }
}
