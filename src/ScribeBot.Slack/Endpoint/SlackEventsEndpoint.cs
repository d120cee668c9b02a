using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ScribeBot.Slack.Dispatch;
using ScribeBot.Slack.Events;
using ScribeBot.Slack.Verification;

namespace ScribeBot.Slack.Endpoint;

/// <summary>
/// <c>POST /slack/events</c>: everything Slack delivers over HTTP. Verifies first and does nothing for a request that
/// fails; then reads, does the work and answers. Work that must last (a captured message, a command's change) is
/// committed to the store before the 200, so a failure answers 500 and Slack delivers again; the dedupe set and the
/// core's idempotency make that redelivery harmless. Exceptions propagate to the host's one exception handler, except
/// a slash command's, which the caller is told about with a correlation id instead of Slack's generic failure.
/// </summary>
internal sealed class SlackEventsEndpoint(
    SlackRequestVerifier verifier,
    SlackInboundDispatcher dispatcher,
    ILogger<SlackEventsEndpoint> logger)
{
    /// <summary>Slack's payloads are a few KiB; a megabyte leaves room for a long message and bounds what we buffer.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var request = context.Request;
        var body = request.ContentLength > MaxBodyBytes ? null : await ReadBoundedAsync(request, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            SlackEndpointLog.TooLarge(logger, MaxBodyBytes);
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var verification = verifier.Verify(
            request.Headers["X-Slack-Request-Timestamp"].ToString(), request.Headers["X-Slack-Signature"].ToString(), body);
        if (!verification.IsValid)
        {
            SlackEndpointLog.Unverified(logger, verification.Outcome);
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        SlackEndpointLog.Verified(logger);
        var contentType = request.ContentType;
        var requestAt = verification.Timestamp!.Value;
        var retry = SlackInboundReader.RetryFromHeaders(
            request.Headers["X-Slack-Retry-Num"].ToString(), request.Headers["X-Slack-Retry-Reason"].ToString());
        var inbound = await dispatcher.ReadAsync(
            (reader, names) => reader.ReadHttp(contentType, body, requestAt, retry, names), cancellationToken).ConfigureAwait(false);
        var answer = await dispatcher.DispatchAsync(inbound, context.TraceIdentifier, cancellationToken).ConfigureAwait(false);
        return answer switch
        {
            { Body: { } json } => Results.Text(json.ToJsonString(), "application/json; charset=utf-8"),
            { Status: StatusCodes.Status200OK } => Results.Ok(),
            _ => Results.StatusCode(answer.Status),
        };
    }

    /// <summary>Reads at most <see cref="MaxBodyBytes"/>; null when the body is longer (the rest is never read).</summary>
    private static async Task<byte[]?> ReadBoundedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // Slack always sends Content-Length (checked against the limit before this): read straight into one array of
        // that size. Kestrel ends the body at the announced length, so a short body fails the read.
        if (request.ContentLength is { } announced)
        {
            var exact = new byte[announced];
            await request.Body.ReadExactlyAsync(exact, cancellationToken).ConfigureAwait(false);
            return exact;
        }

        var body = request.Body;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
