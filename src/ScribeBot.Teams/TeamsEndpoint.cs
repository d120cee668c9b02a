using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.Net.Http.Headers;
using ScribeBot.Core.Access;
using ScribeBot.Core.Storage;
using ScribeBot.Teams.Access;
using ScribeBot.Teams.Bot;

namespace ScribeBot.Teams;

/// <summary>
/// <c>POST /api/messages</c>: without an app id it does not exist (404), unless the Emulator switch lets in this
/// machine's own unauthenticated requests. Then the body size is checked, the real <see cref="CloudAdapter"/>
/// authenticates the request (401 without a valid token when an app id is set) and runs the turn, whose first step
/// refuses (403) an activity from outside Teams, from a tenant not allowed, or naming a service URL not allowed. The
/// answer is written only after the turn, so Teams' 200 means the work is stored.
/// </summary>
internal sealed class TeamsEndpoint(CloudAdapter adapter, ScribeTeamsBot bot, TeamsAccess access, ILogger<TeamsEndpoint> logger)
{
    /// <summary>An activity is a few KB; Teams' own limit for a bot message is 40 KB. Anything near 1 MiB is not Teams.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    public async Task HandleAsync(HttpContext context)
    {
        if (access.Mode == TeamsMode.Closed || (access.Mode == TeamsMode.Emulator && !IsFromThisMachine(context)))
        {
            // Nothing to authenticate against: the endpoint is not there for anyone (an Emulator setup, for this
            // machine only). Nothing is read, nothing is called.
            TeamsLog.Closed(logger, access.Mode);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (context.Request.ContentLength > MaxBodyBytes)
        {
            Refuse(context, StatusCodes.Status413PayloadTooLarge, "body over 1 MiB");
            return;
        }

        if (access.Mode == TeamsMode.Authenticated && !HasReadableBearerToken(context.Request))
        {
            // The SDK answers a missing token with 401 but lets a token it cannot even parse escape as an exception
            // (a 500); a forged request must get nothing but the 401.
            Refuse(context, StatusCodes.Status401Unauthorized, "no readable bearer token");
            return;
        }

        if (!IsJson(context.Request.ContentType))
        {
            // The SDK reads any body as an activity; the Bot Connector sends only JSON.
            Refuse(context, StatusCodes.Status415UnsupportedMediaType, "content type is not application/json");
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        try
        {
            if (await ReadBodyAsync(context.Request, context.RequestAborted).ConfigureAwait(false) is not { } body)
            {
                Refuse(context, StatusCodes.Status413PayloadTooLarge, "body over 1 MiB");
                return;
            }

            if (TeamsRequestBody.Check(body) is { } problem)
            {
                Refuse(context, StatusCodes.Status400BadRequest, problem);
                return;
            }

            context.Request.Body = new MemoryStream(body, writable: false);
            await adapter.ProcessAsync(context.Request, context.Response, bot, context.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException exception) when (!context.Response.HasStarted)
        {
            Refuse(context, exception.StatusCode, exception.Message);
        }
        catch (Microsoft.IdentityModel.Tokens.SecurityTokenException exception) when (!context.Response.HasStarted)
        {
            // The SDK lets some forgeries (a signature no published key verifies) escape as exceptions rather than
            // its own 401; a 500 would make the sender try again.
            Refuse(context, StatusCodes.Status401Unauthorized, "token refused: " + exception.GetType().Name);
        }
        catch (TeamsActivityRefusedException exception) when (!context.Response.HasStarted)
        {
            Refuse(context, StatusCodes.Status403Forbidden, exception.Message);
        }
        catch (Exception exception) when (!context.Response.HasStarted && SigningKeyFailure.IsKeysUnreachable(exception))
        {
            // The token cannot be checked, so the request is neither trusted nor called forged: 503 says "not now",
            // Teams delivers a genuine activity again, and a forged one still gets nothing. Not a failed turn (500):
            // nothing ran.
            TeamsLog.SigningKeysUnavailable(logger, exception);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "60";
        }
        catch (Exception exception) when (!context.Response.HasStarted && IsStoreUnavailable(exception))
        {
            // The store is out of reach (the database restarting): nothing was committed, so "not now" and Teams
            // delivers again. No log line per request: the store logs the outage once.
            TeamsLog.StoreUnavailable(logger);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = ((int)StoreUnavailableException.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            // Teams redelivers a message that failed; an invoke shows the person an error. Either way nothing half-done
            // was acknowledged.
            TeamsLog.TurnFailed(logger, context.Request.Path, context.TraceIdentifier, exception);
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        }
    }

    /// <summary>The store's "not now", as thrown or as the Bot SDK may wrap it.</summary>
    private static bool IsStoreUnavailable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is StoreUnavailableException)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A loopback peer that no relay (a tunnel, a proxy on this machine) connected on someone else's behalf.</summary>
    private static bool IsFromThisMachine(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address && System.Net.IPAddress.IsLoopback(address)
        && RelayHeaders.FirstIn(context.Request.Headers.Keys) is null;

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && string.Equals(parsed.MediaType.Value, "application/json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The whole body, or null past <see cref="MaxBodyBytes"/> (a chunked body has no length to check first).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static bool HasReadableBearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            // Parsing only: the signature, issuer, audience and lifetime are the Bot Framework's to check.
            _ = new JsonWebToken(header[Scheme.Length..].Trim());
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private void Refuse(HttpContext context, int status, string reason)
    {
        TeamsLog.Refused(logger, status, reason);
        context.Response.StatusCode = status;
    }
}
