using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.Options;

namespace ScribeBot.Web.Access;

/// <summary>
/// With sign-in on: a request without a session is challenged (sent to the issuer), as usual; a signed-in user whose
/// tenant or workspace is not allowed gets 403 with a short page and a sign-out button, so they can switch accounts.
/// </summary>
internal sealed partial class NotAllowedResultHandler(
    IAntiforgery antiforgery, IOptions<DashboardOptions> options, ILogger<NotAllowedResultHandler> logger) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult).ConfigureAwait(false);
            return;
        }

        var oidc = options.Value.Oidc;
        var organization = AllowedOrganizationHandler.Organization(context.User, oidc) ?? "(none)";
        LogNotAllowed(logger, context.User.FindFirst("sub")?.Value ?? "(unknown)", organization);
        var tokens = antiforgery.GetAndStoreTokens(context);
        var html = HtmlEncoder.Default;
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync(
            $"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8" /><title>Not allowed - ScribeBot</title></head>
            <body>
            <h1>Not allowed</h1>
            <p>You are signed in as {html.Encode(context.User.Identity?.Name ?? "an unnamed user")}, from tenant or workspace
            {html.Encode(organization)}, which may not use this ScribeBot.</p>
            <form method="post" action="{SignOutEndpoint.Route}">
            <input type="hidden" name="{html.Encode(tokens.FormFieldName)}" value="{html.Encode(tokens.RequestToken ?? "")}" />
            <button type="submit">Sign out</button>
            </form>
            </body>
            </html>
            """,
            context.RequestAborted).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboard refused signed-in user {Subject} of tenant or workspace {Organization}: not allowed")]
    private static partial void LogNotAllowed(ILogger logger, string subject, string organization);
}
